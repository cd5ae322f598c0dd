/// A small RFC 4180 reader for CSV and TSV: quoted fields may hold the
/// delimiter, doubled quotes and line breaks. Each record keeps the line
/// number it started on, so reports can point at it.
struct DelimitedText: Sequence {
    let text: String
    let delimiter: Character

    struct Record {
        var line: Int
        var fields: [String]
        /// A quote that was opened and never closed before the end of input.
        var unterminatedQuote = false
    }

    func makeIterator() -> Iterator { Iterator(text: text, delimiter: delimiter) }

    struct Iterator: IteratorProtocol {
        private var characters: String.Iterator
        private let delimiter: Character
        private var line = 1
        private var pending: Character?

        init(text: String, delimiter: Character) {
            characters = text.makeIterator()
            self.delimiter = delimiter
        }

        private mutating func nextCharacter() -> Character? {
            if let pending {
                self.pending = nil
                return pending
            }
            return characters.next()
        }

        mutating func next() -> Record? {
            var fields: [String] = []
            var field = ""
            var inQuotes = false
            var sawAnything = false
            let start = line
            while let character = nextCharacter() {
                sawAnything = true
                if inQuotes {
                    if character == "\"" {
                        let following = nextCharacter()
                        if following == "\"" {
                            field.append("\"")
                        } else {
                            inQuotes = false
                            pending = following
                        }
                    } else {
                        if character == "\n" || character == "\r\n" { line += 1 }
                        field.append(character)
                    }
                } else if character == "\"" && field.isEmpty {
                    inQuotes = true
                } else if character == delimiter {
                    fields.append(field)
                    field = ""
                } else if character == "\n" || character == "\r\n" || character == "\r" {
                    line += 1
                    fields.append(field)
                    return Record(line: start, fields: fields)
                } else {
                    field.append(character)
                }
            }
            guard sawAnything else { return nil }
            fields.append(field)
            return Record(line: start, fields: fields, unterminatedQuote: inQuotes)
        }
    }
}
