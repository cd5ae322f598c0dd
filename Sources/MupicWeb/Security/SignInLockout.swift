/// How a sign-in lock (`SignInOutcome.locked`) reads on the page.
enum SignInLockout {
    /// Whole minutes, rounded up, so "try again in N minutes" is never too early.
    static func minutes(_ seconds: Int) -> String {
        String(max(1, (seconds + 59) / 60))
    }
}
