import Foundation
import Testing
import MupicVision
@testable import MupicVisionChat

@Suite struct JSONValueTests {
    @Test func keysKeepTheirOrderAndStringsAreEscaped() throws {
        let value = JSONValue.object([
            ("z", .string("quote \" backslash \\ newline \n tab \t bell \u{07} 해변")),
            ("a", .array([.int(-3), .bool(false)])),
        ])
        let text = String(decoding: value.serialized, as: UTF8.self)
        #expect(text == #"{"z":"quote \" backslash \\ newline \n tab \t bell \u0007 해변","a":[-3,false]}"#)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(value.serialized)) as? [String: Any])
        #expect(parsed["z"] as? String == "quote \" backslash \\ newline \n tab \t bell \u{07} 해변")
    }
}
