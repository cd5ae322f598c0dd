import Hummingbird
import Logging
import MupicApp
import MupicVision

/// What became of an upload request: the form as far as it was read (so a refused upload can
/// be shown again with the person's choices), and the accepted job or the refusal.
struct UploadAttempt {
    var form: MultipartForm?
    var outcome: Result<PhotoIntake.Accepted, UploadProblem>
}

/// The one way in for uploads, shared by the form post and the API: refuse early when the
/// queue is full, then read, validate and hand the photo to `PhotoIntake` within the upload gate.
struct UploadReceiver: Sendable {
    let intake: PhotoIntake
    let limits: WebLimits
    /// Uploads read and decoded at once; more wait their turn (bounds memory under load).
    let gate: UploadGate
    /// Answers a form sent twice with the first job.
    let nonces: UploadNonces
    let logger: Logger

    init(intake: PhotoIntake, limits: WebLimits, logger: Logger) {
        self.intake = intake
        self.limits = limits
        self.logger = logger
        gate = UploadGate(limit: limits.maxConcurrentUploads)
        nonces = UploadNonces()
    }

    func receive(_ request: Request, account: AccountIdentity? = nil) async throws -> UploadAttempt {
        if try await intake.isQueueFull() { return UploadAttempt(form: nil, outcome: .failure(.busy)) }
        return try await gate.withPermit {
            var form: MultipartForm?
            do {
                let received = try await MultipartForm.read(request, limits: limits)
                form = received
                let submission = try UploadRequest(form: received, limits: limits).submission(accountID: account?.accountID)
                guard let nonce = received.fields[UploadNonces.field]?.last, RandomID.isPlausible(nonce) else {
                    return UploadAttempt(form: form, outcome: .success(try await accept(submission)))
                }
                if let first = await nonces.claim(nonce) {
                    logger.info("double submit answered with the first job", metadata: ["job": "\(first.jobID)"])
                    return UploadAttempt(form: form, outcome: .success(first))
                }
                do {
                    let accepted = try await accept(submission)
                    await nonces.fulfil(nonce, with: accepted)
                    return UploadAttempt(form: form, outcome: .success(accepted))
                } catch {
                    await nonces.release(nonce)
                    throw error
                }
            } catch let problem as UploadProblem {
                return UploadAttempt(form: form, outcome: .failure(problem))
            }
        }
    }

    /// A photo that is not one is the person's problem to fix (a 4xx with what to do), not the server's.
    private func accept(_ submission: PhotoSubmission) async throws -> PhotoIntake.Accepted {
        do {
            return try await intake.accept(submission)
        } catch let error as PhotoError {
            throw UploadProblem.photo(error)
        }
    }
}
