import Hummingbird
import Logging

/// What became of an upload request: the form as far as it was read (so a refused upload can
/// be shown again with the person's choices), and the accepted job or the refusal.
struct UploadAttempt {
    var form: MultipartForm?
    var outcome: Result<PhotoUploader.Accepted, UploadProblem>
}

extension MupicServices {
    /// The one way in for uploads, shared by the form post and the API: refuse early when the
    /// queue is full, then read, validate and accept within the upload gate.
    func receiveUpload(_ request: Request, account: AccountIdentity? = nil) async throws -> UploadAttempt {
        if try await storage.pendingJobCount() >= limits.maxPendingJobs {
            return UploadAttempt(form: nil, outcome: .failure(.busy))
        }
        return try await uploadGate.withPermit {
            var form: MultipartForm?
            do {
                let received = try await MultipartForm.read(request, limits: limits)
                form = received
                let upload = try UploadRequest(form: received, limits: limits)
                guard let nonce = received.fields[UploadNonces.field]?.last, RandomID.isPlausible(nonce) else {
                    return UploadAttempt(form: form, outcome: .success(try await PhotoUploader(services: self).accept(upload, account: account)))
                }
                if let first = await uploadNonces.claim(nonce) {
                    logger.info("double submit answered with the first job", metadata: ["job": "\(first.jobID)"])
                    return UploadAttempt(form: form, outcome: .success(first))
                }
                do {
                    let accepted = try await PhotoUploader(services: self).accept(upload, account: account)
                    await uploadNonces.fulfil(nonce, with: accepted)
                    return UploadAttempt(form: form, outcome: .success(accepted))
                } catch {
                    await uploadNonces.release(nonce)
                    throw error
                }
            } catch let problem as UploadProblem {
                return UploadAttempt(form: form, outcome: .failure(problem))
            }
        }
    }
}
