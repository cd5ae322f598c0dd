import MupicCore

/// Which UI language a visitor gets: an explicit choice (`?lang=`, then the cookie that
/// remembers it), else the browser's Accept-Language, else Korean, the site's first language.
enum LanguagePreference {
    static let cookieName = "lang"

    static func resolve(query: String?, cookie: String?, acceptLanguage: String?) -> Language {
        if let chosen = query.flatMap(parse) { return chosen }
        if let remembered = cookie.flatMap(parse) { return remembered }
        return acceptLanguage.flatMap(fromAcceptLanguage) ?? .korean
    }

    /// `ko`, `en`, `ko-KR`, `en-US`, … ; anything else is not a choice.
    static func parse(_ code: String) -> Language? {
        let primary = code.split(separator: "-").first.map { $0.lowercased() } ?? ""
        return Language(rawValue: primary)
    }

    /// The preferred supported language of an Accept-Language header (`en-US,en;q=0.9,ko;q=0.8`).
    static func fromAcceptLanguage(_ header: String) -> Language? {
        var best: (language: Language, quality: Double)?
        for item in header.split(separator: ",").prefix(32) {
            let fields = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let code = fields.first, let language = parse(code) else { continue }
            let quality = fields.dropFirst()
                .first { $0.hasPrefix("q=") }
                .flatMap { Double($0.dropFirst(2)) } ?? 1
            if quality > 0, quality > (best?.quality ?? 0) { best = (language, quality) }
        }
        return best?.language
    }
}
