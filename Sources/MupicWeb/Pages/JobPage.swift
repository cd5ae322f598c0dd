import MupicApp
import MupicCore
import MupicStore

/// The loading page: the four stages of the original and where the job is.
struct JobPageModel {
    struct Stage {
        let label: String
        /// `done`, `active`, `waiting` or `stopped` (where a failed job ended), for styling and for the script to update.
        let state: String
        let key: String
    }

    let jobID: String
    let statusURL: String
    let stages: [Stage]
    let failed: Bool
    let error: String?

    /// Upload is done once this page shows; then reading, tagging, matching.
    static let stageKeys = ["upload", "read", "tag", "match"]

    init(job: JobRecord, strings: Strings, language: Language) {
        jobID = job.id
        statusURL = "/api/jobs/\(job.id)"
        let current = Self.activeIndex(job)
        let failed = job.state == .failed
        stages = Self.stageKeys.enumerated().map { index, key in
            let state =
                index < current ? "done" : index > current ? "waiting" : failed ? "stopped" : "active"
            return Stage(label: strings.text("stage_\(key)", language), state: state, key: key)
        }
        self.failed = failed
        error = job.error.map { JobErrorText.message(stored: $0, strings: strings, language: language) }
    }

    /// The stage people see as running: the job's stage mapped onto the four steps.
    static func activeIndex(_ job: JobRecord) -> Int {
        switch (job.state, job.stage) {
        case (.done, _): 4
        case (_, .tagging): 2
        case (_, .matching): 3
        case (.failed, _): 1
        default: 1
        }
    }
}

/// A stored job error as a sentence in the visitor's language.
enum JobErrorText {
    static func message(stored: String, strings: Strings, language: Language) -> String {
        strings.text("job_error_\(JobFailure.code(ofStored: stored))", language)
    }
}
