import Foundation
import Logging
import MupicCore
import MupicShare


/// Rendered share cards on disk, one folder per photo: `cards/{photoID}/{recommendationID}-{lang}-v{design}.png`.
///
/// A card depends only on its recommendation (photo, tags, songs never change for one id),
/// the language and the design, so that is its name and a hit is served as it is. Ids are
/// checked by `RandomID.isPlausible` before any path is built, so no URL reaches another file.
/// Deleting a photo removes its folder.
struct ShareCardStore: Sendable {
    let directory: URL
    private let logger = Logger(label: "mupic.web.cards")

    func read(photoID: String, recommendationID: String, language: Language) -> Data? {
        guard let url = url(photoID: photoID, recommendationID: recommendationID, language: language) else { return nil }
        return FileManager.default.contents(atPath: url.path)
    }

    /// Writes whole or not at all (temporary name, then rename); a failure only costs a render next time.
    func store(_ png: Data, photoID: String, recommendationID: String, language: Language) {
        guard let url = url(photoID: photoID, recommendationID: recommendationID, language: language) else { return }
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(RandomID.make(bytes: 9)).tmp")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try png.write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            logger.warning("could not cache a share card", metadata: ["path": "\(url.path)", "error": "\(error)"])
        }
    }

    /// Every card of a photo; a missing folder is not an error.
    func remove(photoID: String) {
        guard RandomID.isPlausible(photoID) else { return }
        let folder = directory.appendingPathComponent(photoID, isDirectory: true)
        do {
            try FileManager.default.removeItem(at: folder)
        } catch CocoaError.fileNoSuchFile {
            return
        } catch {
            logger.warning("could not remove cached share cards", metadata: ["path": "\(folder.path)", "error": "\(error)"])
        }
    }

    func url(photoID: String, recommendationID: String, language: Language) -> URL? {
        guard RandomID.isPlausible(photoID), RandomID.isPlausible(recommendationID) else { return nil }
        return directory.appendingPathComponent(photoID, isDirectory: true)
            .appendingPathComponent("\(recommendationID)-\(language.rawValue)-v\(ShareCardRenderer.designVersion).png")
    }
}
