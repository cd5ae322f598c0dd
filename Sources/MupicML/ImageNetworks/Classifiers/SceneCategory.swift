/// One of the 365 Places365 scene classes.
public struct SceneCategory: Hashable, Sendable, CustomStringConvertible {
    /// Indoor or outdoor, from `IO_places365.txt`.
    public enum Setting: String, Hashable, Sendable {
        case indoor
        case outdoor
    }

    /// Position in the model's output (line of `categories_places365.txt`, from 0).
    public let index: Int
    /// The clean name: `/m/mountain_path 233` → `mountain_path`, `/s/stage/indoor 285` → `stage/indoor`.
    public let name: String
    public let setting: Setting

    public init(index: Int, name: String, setting: Setting) {
        self.index = index
        self.name = name
        self.setting = setting
    }

    public var description: String { name }

    /// Reads both label files (same order, same names), checking each line's class number.
    static func load(from directory: ImageModelDirectory, folder: String) throws(ImageModelError) -> [SceneCategory] {
        let categoriesFile = "\(folder)/categories_places365.txt", settingsFile = "\(folder)/IO_places365.txt"
        let categories = try directory.lines(categoriesFile)
        let settings = try directory.lines(settingsFile)
        guard categories.count == settings.count else {
            throw directory.invalid(settingsFile, "it has \(settings.count) lines, \(categoriesFile) has \(categories.count)")
        }
        var result: [SceneCategory] = []
        for (index, (categoryLine, settingLine)) in zip(categories, settings).enumerated() {
            guard let (name, number) = parse(categoryLine), number == index else {
                throw directory.invalid(categoriesFile, "line \(index + 1) '\(categoryLine)' is not '/x/name \(index)'")
            }
            guard let (settingName, flag) = parse(settingLine), settingName == name, flag == 1 || flag == 2 else {
                throw directory.invalid(settingsFile, "line \(index + 1) '\(settingLine)' is not '/x/\(name) 1' or '… 2'")
            }
            result.append(SceneCategory(index: index, name: name, setting: flag == 1 ? .indoor : .outdoor))
        }
        return result
    }

    /// `/b/bar 49` → ("bar", 49): the letter folder stripped, the number read.
    private static func parse(_ line: Substring) -> (name: String, number: Int)? {
        let parts = line.split(separator: " ")
        guard parts.count == 2, let number = Int(parts[1]) else { return nil }
        let path = parts[0]
        guard path.hasPrefix("/"), path.dropFirst().firstIndex(of: "/") != nil else { return nil }
        let name = path.dropFirst().drop { $0 != "/" }.dropFirst()
        return name.isEmpty ? nil : (String(name), number)
    }
}

extension Classification where Label == SceneCategory {
    /// The probability mass on indoor classes: a softer indoor/outdoor signal than the top class's setting.
    public var indoorProbability: Float {
        zip(labels, probabilities).reduce(0) { $0 + ($1.0.setting == .indoor ? $1.1 : 0) }
    }

    /// The probability of the class named `name` (`"coast"`, `"stage/indoor"`), 0 if there is none.
    public func probability(ofScene name: String) -> Float {
        labels.firstIndex { $0.name == name }.map { probabilities[$0] } ?? 0
    }
}
