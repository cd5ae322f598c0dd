public import ServiceLifecycle

/// Closes the storage when the service group shuts down. Added to a service group before the
/// services that use the storage, it stops after them (a group stops its services in reverse).
public struct StorageService: Service {
    public let storage: any MupicStorage

    public init(storage: any MupicStorage) {
        self.storage = storage
    }

    public func run() async throws {
        // Returns at graceful shutdown, throws when the group is cancelled: close either way.
        try? await gracefulShutdown()
        await storage.close()
    }
}
