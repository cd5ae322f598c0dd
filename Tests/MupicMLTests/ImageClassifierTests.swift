import Foundation
@testable import MupicML
import Testing

@Suite("Image classifiers: labels, errors, concurrency")
struct ImageClassifierTests {
    @Test("scene labels are clean names in model order, with the indoor/outdoor flag")
    func sceneLabels() throws {
        let categories = try TestImageModels.sceneClassifier().categories
        #expect(categories.count == 365)
        #expect(categories.enumerated().allSatisfy { $0.offset == $0.element.index })
        #expect(categories[233].name == "mountain_path" && categories[233].setting == .outdoor)
        #expect(categories[344].name == "valley")
        let byName = Dictionary(uniqueKeysWithValues: categories.map { ($0.name, $0) })
        #expect(byName["coffee_shop"]?.setting == .indoor)
        #expect(byName["bar"]?.setting == .indoor)
        #expect(byName["stage/indoor"]?.setting == .indoor)
        #expect(byName["beach"]?.setting == .outdoor)
        #expect(categories.allSatisfy { !$0.name.hasPrefix("/") && !$0.name.contains(" ") })
    }

    @Test("weather labels are the five conditions in labels.txt order")
    func weatherLabels() throws {
        #expect(try TestImageModels.weatherClassifier().conditions == [.cloudy, .fogSmog, .rain, .snow, .sunny])
    }

    @Test("indoor probability sums the indoor classes")
    func indoorProbability() {
        let labels = [
            SceneCategory(index: 0, name: "bar", setting: .indoor), SceneCategory(index: 1, name: "beach", setting: .outdoor),
            SceneCategory(index: 2, name: "stage/indoor", setting: .indoor),
        ]
        let answer = Classification(labels: labels, probabilities: [0.2, 0.5, 0.3], logits: [0, 1, 2])
        #expect(abs(answer.indoorProbability - 0.5) < 1e-6)
        #expect(answer.probability(ofScene: "beach") == 0.5)
        #expect(answer.probability(ofScene: "ocean") == 0)
        #expect(answer.top(10).map(\.label.name) == ["beach", "stage/indoor", "bar"])
    }

    @Test("pixels of the wrong size are refused with the size to use")
    func wrongInputSize() throws {
        let scenes = try TestImageModels.sceneClassifier()
        #expect(throws: ImageModelError.wrongInputSize(model: "scene", expectedBytes: 150_528, actualBytes: 49_152, width: 224, height: 224)) {
            _ = try scenes.classify(rgb: TestPattern.sky.rgb(size: 128))
        }
        let weather = try TestImageModels.weatherClassifier()
        #expect(throws: ImageModelError.self) { _ = try weather.classify(rgb: []) }
    }

    @Test("concurrent calls give exactly the sequential answers")
    func concurrent() async throws {
        let scenes = try TestImageModels.sceneClassifier()
        let weather = try TestImageModels.weatherClassifier()
        let sceneInputs = TestPattern.allCases.map { $0.rgb(size: 224) }
        let weatherInputs = TestPattern.allCases.map { $0.rgb(size: 128) }
        let expected = try zip(sceneInputs, weatherInputs).map { try (scenes.classify(rgb: $0).logits, weather.classify(rgb: $1).logits) }
        let results = try await withThrowingTaskGroup(of: (Int, [Float], [Float]).self) { group in
            for round in 0..<4 {
                for index in sceneInputs.indices {
                    let k = (index + round) % sceneInputs.count
                    group.addTask {
                        (k, try scenes.classify(rgb: sceneInputs[k]).logits, try weather.classify(rgb: weatherInputs[k]).logits)
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 4 * sceneInputs.count)
        for (index, sceneLogits, weatherLogits) in results {
            #expect(sceneLogits == expected[index].0)
            #expect(weatherLogits == expected[index].1)
        }
    }
}

@Suite("Image model directory")
struct ImageModelDirectoryTests {
    @Test("configured only through MUPIC_IMAGE_MODELS; relative paths resolve against the current directory")
    func configuredURL() {
        let cwd = URL(fileURLWithPath: "/srv/mupic", isDirectory: true)
        #expect(ImageModelDirectory.configuredURL(environment: [:], currentDirectory: cwd) == nil)
        #expect(ImageModelDirectory.configuredURL(environment: ["MUPIC_IMAGE_MODELS": ""], currentDirectory: cwd) == nil)
        #expect(ImageModelDirectory.configuredURL(environment: ["MUPIC_IMAGE_MODELS": "models/images"], currentDirectory: cwd)?.path
            == "/srv/mupic/models/images")
        #expect(ImageModelDirectory.configuredURL(environment: ["MUPIC_IMAGE_MODELS": "/opt/m"], currentDirectory: cwd)?.path == "/opt/m")
    }

    @Test("a missing directory says how to configure it")
    func missingDirectory() {
        let error = #expect(throws: ImageModelError.self) {
            _ = try SceneClassifier(modelDirectory: URL(fileURLWithPath: "/nonexistent/models"))
        }
        #expect(error == .directoryNotFound(path: "/nonexistent/models"))
        #expect(error?.description.contains("MUPIC_IMAGE_MODELS") == true)
    }

    @Test("a missing model file is named relative to the directory")
    func missingFile() throws {
        let directory = try TemporaryModelDirectory()
        let error = #expect(throws: ImageModelError.self) { _ = try SceneClassifier(modelDirectory: directory.url) }
        #expect(error == .missingFile(file: "places365-squeezenet/squeezenet_places365.safetensors", directory: directory.url.path))
        #expect(error?.description.hasPrefix("places365-squeezenet/squeezenet_places365.safetensors not found in \(directory.url.path): set MUPIC_IMAGE_MODELS or --image-models") == true)
        #expect(throws: ImageModelError.missingFile(file: "weather-cnn/weather_cnn.safetensors", directory: directory.url.path)) {
            _ = try WeatherClassifier(modelDirectory: directory.url)
        }
    }

    @Test("weights of the wrong shape are refused at load, naming the tensor")
    func wrongShape() throws {
        let directory = try TemporaryModelDirectory()
        try directory.write("weather-cnn/labels.txt", "cloudy\nfogsmog\nrain\nsnow\nsunny\n")
        try directory.writeSafeTensors("weather-cnn/weather_cnn.safetensors", ["conv1.weight": [16, 3, 3, 3]])
        let error = #expect(throws: ImageModelError.self) { _ = try WeatherClassifier(modelDirectory: directory.url) }
        guard case let .invalidFile(file, _, reason) = error else {
            Issue.record("expected invalidFile, got \(String(describing: error))")
            return
        }
        #expect(file == "weather-cnn/weather_cnn.safetensors")
        #expect(reason.contains("conv1.weight") && reason.contains("[16, 3, 3, 3]") && reason.contains("[32, 3, 3, 3]"))
    }

    @Test("label files are checked line by line")
    func badLabels() throws {
        let directory = try TemporaryModelDirectory()
        try directory.writeSafeTensors("weather-cnn/weather_cnn.safetensors", [:])
        try directory.write("weather-cnn/labels.txt", "cloudy\nhail\n")
        #expect(throws: ImageModelError.self) { _ = try WeatherClassifier(modelDirectory: directory.url) }

        let scenes = try TemporaryModelDirectory()
        try scenes.writeSafeTensors("places365-squeezenet/squeezenet_places365.safetensors", [:])
        try scenes.write("places365-squeezenet/categories_places365.txt", "/a/airfield 0\n/b/bar 7\n")
        try scenes.write("places365-squeezenet/IO_places365.txt", "/a/airfield 2\n/b/bar 1\n")
        let error = #expect(throws: ImageModelError.self) { _ = try SceneClassifier(modelDirectory: scenes.url) }
        #expect(error?.description.contains("line 2 '/b/bar 7'") == true)
    }
}

/// A model directory under the temporary folder, removed when the value goes away.
final class TemporaryModelDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("mupic-models-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func write(_ relativePath: String, _ text: String) throws {
        try write(relativePath, Data(text.utf8))
    }

    /// A safetensors file whose F32 tensors are zeros of the given shapes.
    func writeSafeTensors(_ relativePath: String, _ tensors: [String: [Int]]) throws {
        var header: [String: Any] = [:]
        var offset = 0
        for (name, shape) in tensors.sorted(by: { $0.key < $1.key }) {
            let bytes = shape.reduce(4, *)
            header[name] = ["dtype": "F32", "shape": shape, "data_offsets": [offset, offset + bytes]]
            offset += bytes
        }
        let json = try JSONSerialization.data(withJSONObject: header)
        var data = Data()
        withUnsafeBytes(of: UInt64(json.count).littleEndian) { data.append(contentsOf: $0) }
        data.append(json)
        data.append(Data(count: offset))
        try write(relativePath, data)
    }

    private func write(_ relativePath: String, _ data: Data) throws {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }
}
