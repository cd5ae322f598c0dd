import Foundation
import Hummingbird

/// Builds `multipart/form-data` request bodies the way browsers send them.
struct MultipartBody {
    let boundary = "----MupicTestBoundary7MA4YWxkTrZu0gW"
    private var bytes: [UInt8] = []

    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    mutating func field(_ name: String, _ value: String) {
        bytes += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
    }

    mutating func file(_ name: String = "photo", filename: String, type: String = "image/jpeg", data: Data) {
        bytes += Array("--\(boundary)\r\n".utf8)
        bytes += Array("Content-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\n".utf8)
        bytes += Array("Content-Type: \(type)\r\n\r\n".utf8)
        bytes += data
        bytes += Array("\r\n".utf8)
    }

    /// A part with one header line exactly as given, bytes and all (for forms no browser sends).
    mutating func rawPart(header: [UInt8], value: String) {
        rawPart(header: header, value: Array(value.utf8))
    }

    mutating func rawPart(header: [UInt8], value: [UInt8]) {
        bytes += Array("--\(boundary)\r\n".utf8) + header + Array("\r\n\r\n".utf8) + value + Array("\r\n".utf8)
    }

    /// The finished body (with the closing boundary unless `truncated`).
    func buffer(truncated: Bool = false) -> ByteBuffer {
        ByteBuffer(bytes: truncated ? bytes : bytes + Array("--\(boundary)--\r\n".utf8))
    }

    /// A typical upload: a photo and genres.
    static func upload(
        photo: Data?, filename: String = "photo.jpg", genres: [String] = ["ballad", "pop"], visibility: String? = nil
    ) -> MultipartBody {
        var body = MultipartBody()
        if let photo { body.file(filename: filename, data: photo) }
        for genre in genres { body.field("genres", genre) }
        if let visibility { body.field("visibility", visibility) }
        return body
    }
}
