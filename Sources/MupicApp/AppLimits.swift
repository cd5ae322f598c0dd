/// Bounds on what the use cases take on, so that load and hostile input cost memory and CPU in
/// known amounts.
public struct AppLimits: Sendable {
    /// Largest accepted photo file, in bytes (the original's 20 MB).
    public var maxPhotoBytes: Int
    /// Largest accepted image, in pixels, read from the header before decoding.
    public var maxPixels: Int
    /// Jobs waiting or running before new photos are turned away.
    public var maxPendingJobs: Int
    /// Archive entries per page, by default and at most.
    public var archivePageSize: Int
    public var maxArchivePageSize: Int
    /// bcrypt cost of account passwords: every sign-up and sign-in costs 2^cost rounds of work.
    public var passwordCost: UInt8
    /// Memory for photos handed from the upload to its worker, so they are not decoded twice.
    public var pendingPhotoBytes: Int
    /// Wrong passwords per (name, client address) and per name before sign-in slows down.
    public var signIn: SignInPolicy

    public init(
        maxPhotoBytes: Int = 20_000_000, maxPixels: Int = 40_000_000, maxPendingJobs: Int = 256, archivePageSize: Int = 24, maxArchivePageSize: Int = 100, passwordCost: UInt8 = 12,
        pendingPhotoBytes: Int = 64 << 20, signIn: SignInPolicy = SignInPolicy()
    ) {
        self.maxPhotoBytes = maxPhotoBytes
        self.maxPixels = maxPixels
        self.maxPendingJobs = maxPendingJobs
        self.archivePageSize = archivePageSize
        self.maxArchivePageSize = maxArchivePageSize
        self.passwordCost = passwordCost
        self.pendingPhotoBytes = pendingPhotoBytes
        self.signIn = signIn
    }
}
