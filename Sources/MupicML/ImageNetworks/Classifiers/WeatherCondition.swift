internal import Foundation

/// The weather CNN's five classes; the raw values are the names in `labels.txt`.
public enum WeatherCondition: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    case cloudy
    /// Fog, mist, haze or smog.
    case fogSmog = "fogsmog"
    case rain
    case snow
    case sunny

    public var description: String { rawValue }

    /// Reads `labels.txt`, which must name exactly these five classes (in any order; the file's order is the output order).
    static func load(from directory: ImageModelDirectory, file: String) throws(ImageModelError) -> [WeatherCondition] {
        var result: [WeatherCondition] = []
        for line in try directory.lines(file) {
            let name = line.trimmingCharacters(in: .whitespaces)
            guard let condition = WeatherCondition(rawValue: name), !result.contains(condition) else {
                throw directory.invalid(file, "'\(name)' is not one of \(allCases.map(\.rawValue)) or is listed twice")
            }
            result.append(condition)
        }
        guard result.count == allCases.count else {
            throw directory.invalid(file, "it lists \(result.count) classes, the model has \(allCases.count)")
        }
        return result
    }
}
