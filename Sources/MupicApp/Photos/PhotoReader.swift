public import Foundation
public import MupicVision

/// Turns an upload into a photo Mupic can keep, or refuses it.
///
/// `PhotoDecoder` is the implementation; the protocol exists so tests can count
/// calls or make the reader fail on purpose without crafting image files.
public protocol PhotoReader: Sendable {
    func read(_ data: Data) throws(PhotoError) -> DecodedPhoto
}

extension PhotoDecoder: PhotoReader {
    public func read(_ data: Data) throws(PhotoError) -> DecodedPhoto {
        try decode(data)
    }
}
