import Testing
@testable import MupicListen

@Suite struct ListenConfigurationTests {
    @Test func withoutAKeyThereAreNoCalls() throws {
        let none = try ListenConfiguration.fromEnvironment([:])
        #expect(!none.hasKey)
        #expect(none.dailyUnits == 9_000)
        #expect(none.baseURL == "https://www.googleapis.com/youtube/v3")
        #expect(!(try ListenConfiguration.fromEnvironment(["MUPIC_YOUTUBE_KEY": "  "])).hasKey)
    }

    @Test func everySettingIsRead() throws {
        let configuration = try ListenConfiguration.fromEnvironment([
            "MUPIC_YOUTUBE_KEY": "AIza-test\n", "MUPIC_YOUTUBE_DAILY_UNITS": "5_000",
            "MUPIC_YOUTUBE_URL": "http://127.0.0.1:9999/youtube/v3", "MUPIC_YOUTUBE_REGION": "kr",
        ])
        #expect(configuration.apiKey == "AIza-test")
        #expect(configuration.dailyUnits == 5_000)
        #expect(configuration.baseURL == "http://127.0.0.1:9999/youtube/v3")
        #expect(configuration.regionCode == "KR")
    }

    @Test func unusableValuesSayWhatToFix() {
        #expect(throws: ListenConfigurationError.self) {
            try ListenConfiguration.fromEnvironment(["MUPIC_YOUTUBE_DAILY_UNITS": "lots"])
        }
        #expect(throws: ListenConfigurationError.self) {
            try ListenConfiguration.fromEnvironment(["MUPIC_YOUTUBE_URL": "file:///etc/passwd"])
        }
        #expect(throws: ListenConfigurationError.self) {
            try ListenConfiguration.fromEnvironment(["MUPIC_YOUTUBE_REGION": "Korea"])
        }
        let error = ListenConfigurationError.invalid(name: "MUPIC_YOUTUBE_DAILY_UNITS", value: "-1", expected: "a number")
        #expect(error.description == "MUPIC_YOUTUBE_DAILY_UNITS='-1' is not valid: expected a number; fix or unset it")
    }
}
