/// Where a photo was taken, in decimal degrees; south and west are negative.
public struct GeoPosition: Sendable, Hashable, Codable {
    public let latitude: Double
    public let longitude: Double

    /// Nil outside ±90° / ±180°.
    public init?(latitude: Double, longitude: Double) {
        guard latitude.isFinite, longitude.isFinite, abs(latitude) <= 90, abs(longitude) <= 180 else { return nil }
        self.latitude = latitude
        self.longitude = longitude
    }

    /// True south of the equator, where the seasons are the other way round.
    public var isSouthern: Bool { latitude < 0 }
}
