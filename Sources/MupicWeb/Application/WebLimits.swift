public import MupicApp

/// Bounds on what one request may make the server do, so that a huge or hostile form
/// is refused early and cheaply instead of becoming an allocation storm.
public struct WebLimits: Sendable {
    /// Largest accepted photo file, in bytes (the original's 20 MB).
    public var maxPhotoBytes: Int
    /// Largest accepted image, in pixels, read from the header before decoding.
    public var maxPixels: Int
    /// Bytes an upload form may carry beyond the photo: boundaries, part headers and small fields.
    public var formOverheadBytes: Int
    /// Parts an upload form may have (photo, up to three genres, visibility, a few extras).
    public var maxParts: Int
    /// Bytes of one non-file form field.
    public var maxFieldBytes: Int
    /// Genres a person may choose, as the original allowed.
    public var maxGenres: Int
    /// Jobs waiting or running before uploads are turned away with 503 and Retry-After.
    public var maxPendingJobs: Int
    /// What a turned-away client is told to wait, in seconds.
    public var retryAfterSeconds: Int
    /// Archive entries per page, by default and at most.
    public var archivePageSize: Int
    public var maxArchivePageSize: Int
    /// Bytes of a small urlencoded form (delete confirmation).
    public var maxSmallFormBytes: Int
    /// Uploads read and decoded at once; more wait their turn (bounds memory under load).
    public var maxConcurrentUploads: Int
    /// The longest an API client's `Prefer: wait` may hold its upload request open.
    public var maxPreferredWait: Duration = .seconds(30)
    /// Uploads and API calls one client may make per minute.
    public var rates: RateLimits
    /// bcrypt cost of account passwords: every sign-up and sign-in costs 2^cost rounds of work.
    public var passwordCost: UInt8

    public init(
        maxPhotoBytes: Int = 20_000_000, maxPixels: Int = 40_000_000, formOverheadBytes: Int = 64 * 1024,
        maxParts: Int = 12, maxFieldBytes: Int = 256, maxGenres: Int = 3, maxPendingJobs: Int = 256,
        retryAfterSeconds: Int = 5, archivePageSize: Int = 24, maxArchivePageSize: Int = 100,
        maxSmallFormBytes: Int = 4096, maxConcurrentUploads: Int = 8, passwordCost: UInt8 = 12,
        rates: RateLimits = RateLimits()
    ) {
        self.passwordCost = passwordCost
        self.maxPhotoBytes = maxPhotoBytes
        self.maxPixels = maxPixels
        self.formOverheadBytes = formOverheadBytes
        self.maxParts = maxParts
        self.maxFieldBytes = maxFieldBytes
        self.maxGenres = maxGenres
        self.maxPendingJobs = maxPendingJobs
        self.retryAfterSeconds = retryAfterSeconds
        self.archivePageSize = archivePageSize
        self.maxArchivePageSize = maxArchivePageSize
        self.maxSmallFormBytes = maxSmallFormBytes
        self.maxConcurrentUploads = maxConcurrentUploads
        self.rates = rates
    }

    /// The part of these limits the use cases enforce themselves.
    public var app: AppLimits {
        AppLimits(
            maxPhotoBytes: maxPhotoBytes, maxPixels: maxPixels, maxPendingJobs: maxPendingJobs,
            archivePageSize: archivePageSize, maxArchivePageSize: maxArchivePageSize, passwordCost: passwordCost)
    }

    /// The most bytes an upload request body may have.
    public var maxUploadBodyBytes: Int { maxPhotoBytes + formOverheadBytes }
}
