import Mustache

/// Page models turned into dictionaries and arrays before rendering.
///
/// swift-mustache finds `{{key}}` on a struct by building a `Mirror` of it, twice, at every
/// lookup; a page looks up hundreds of keys (every `{{t.…}}` string walks past the page model),
/// so a 7 KB home page cost a millisecond of reflection. Reflected once here, each lookup is a
/// dictionary read. Structs become dictionaries of their stored properties (what a mirror shows),
/// leaving out `nil` ones, as the mirror lookup skips them; arrays and sets become arrays. Anything
/// else (strings, numbers, dates, enums, classes, whatever has its own description) is kept as it is.
enum TemplateValues {
    static func flatten(_ value: Any) -> Any {
        if value is String || value is Bool || value is Int || value is any MustacheParent { return value }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .collection, .set:
            return mirror.children.map { flatten($0.value) }
        case .struct where !(value is any CustomStringConvertible):
            var fields: [String: Any] = [:]
            for child in mirror.children {
                guard let label = child.label, let field = unwrapped(child.value) else { continue }
                if fields[label] == nil { fields[label] = flatten(field) }
            }
            return fields
        default:
            return value
        }
    }

    /// The value inside an optional, or nil for `.none`; anything else as it is.
    private static func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first.map(\.value)
    }
}
