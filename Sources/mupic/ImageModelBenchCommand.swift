import ArgumentParser
import Foundation
import MupicML
import MupicVision

/// `mupic bench image-models`: the offline image models alone and behind the decoder, one
/// photo at a time, beside a Python PIL + onnxruntime pipeline doing the same work.
struct ImageModelBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "image-models",
        abstract: "Time the scene and weather models and decode + both models, against PIL + onnxruntime.",
        discussion: """
            One image at a time, p50 and p99 over --runs runs after a warm-up, and the process CPU time per \
            call (all threads, so OpenBLAS helper threads that spin count). "mupic tag" is \
            PhotoDecoder.analyse (shrink-on-load as far as the models allow, EXIF, colour) + both models + \
            fusion, as `mupic tag` runs it; "upload path" \
            is the full PhotoDecoder.decode (stored copy, thumbnail, colours, model inputs) + both models. \
            The baseline is scripts/imagemodels/bench_baseline.py. scripts/imagemodels/bench.sh makes a \
            12-megapixel test JPEG and runs all of it on a release build.
            """)

    @OptionGroup var models: ImageModelOptions
    @Option(
        name: .customLong("screening-model"),
        help: ArgumentHelp(
            "Folder holding open_nsfw.onnx, for the unsafe-image screen's rows (skipped when it is missing).",
            discussion: "Default: $MUPIC_SCREENING_MODEL_DIR, else models/open-nsfw.", valueName: "dir"))
    var screeningModel: String?
    @Option(name: .customLong("photo"), help: "JPEG to decode and classify; repeat for several (all are timed together).")
    var photos: [String] = []
    @Option(help: "Timed runs per measure.") var runs = 100
    @Option(help: "Threads for OpenBLAS and onnxruntime.") var threads = 2
    @Option(help: "Python with onnxruntime, numpy and pillow.")
    var python = ProcessInfo.processInfo.environment["MUPIC_BENCH_PYTHON"] ?? "python3"

    func validate() throws {
        guard !photos.isEmpty else {
            throw ValidationError("pass at least one --photo (scripts/imagemodels/bench.sh makes a 12-megapixel JPEG)")
        }
        guard runs > 0, threads > 0 else { throw ValidationError("--runs and --threads must be positive") }
    }

    func run() throws {
        setenv("OPENBLAS_NUM_THREADS", "\(threads)", 1)
        BLASThreads.set(threads)
        let directory = try models.requiredURL()
        let scenes: SceneClassifier, weather: WeatherClassifier
        do {
            scenes = try SceneClassifier(modelDirectory: directory)
            weather = try WeatherClassifier(modelDirectory: directory)
        } catch { throw CommandFailure(error.description) }
        let decoder = PhotoDecoder()
        let files = try photos.map { path in
            guard let data = FileManager.default.contents(atPath: path) else { throw CommandFailure("cannot read \(path)") }
            return data
        }
        let sizes = try files.map { try decoder.decode($0).size }
        let inputs = try decoder.modelInputs(files[0])

        status("timing the Swift models…")
        let scene = try Self.time(runs: runs) { _ in _ = try scenes.classify(rgb: inputs.scene) }
        let screen = try? UnsafeImageScreen(
            modelDirectory: screeningModel.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? NSFWModelDirectory.defaultURL(environment: ProcessInfo.processInfo.environment))
        let screening = screen.map { screen in Self.time(runs: runs) { _ in _ = screen.screen(inputs) } }
        let weatherTimes = try Self.time(runs: runs) { _ in _ = try weather.classify(rgb: inputs.weather) }
        let tagDecode = try Self.time(runs: runs) { run in _ = try decoder.modelInputs(files[run % files.count]) }
        status("timing mupic tag end to end…")
        let tagger: ModelPhotoTagger
        do { tagger = try ModelPhotoTagger(imageModels: directory) } catch { throw CommandFailure("\(error)") }
        let tagEndToEnd = try Self.time(runs: runs) { run in _ = try tagger.tag(try decoder.analyse(files[run % files.count])) }
        let uploadDecode = try Self.time(runs: runs) { run in _ = try decoder.decode(files[run % files.count]) }
        let uploadPath = try Self.time(runs: runs) { run in
            let pixels = try decoder.decode(files[run % files.count]).modelInputs
            _ = try scenes.classify(rgb: pixels.scene)
            _ = try weather.classify(rgb: pixels.weather)
        }

        status("running the Python baseline…")
        let baseline = PythonBaseline.run(
            python, ["scripts/imagemodels/bench_baseline.py", "--models", directory.path, "--runs", "\(runs)",
                     "--threads", "\(threads)"] + photos.flatMap { ["--photo", $0] })
        var table = BenchTable()
        table.add("scene model, p50 (ms)", swift: scene.p50, baseline: baseline?["scene_p50_ms"], higherIsBetter: false)
        table.add("scene model, p99 (ms)", swift: scene.p99, baseline: baseline?["scene_p99_ms"], higherIsBetter: false)
        table.add("scene model, CPU time per call (ms)", swift: scene.cpu, baseline: baseline?["scene_cpu_ms"], higherIsBetter: false)
        table.add("weather model, p50 (ms)", swift: weatherTimes.p50, baseline: baseline?["weather_p50_ms"], higherIsBetter: false)
        table.add("weather model, p99 (ms)", swift: weatherTimes.p99, baseline: baseline?["weather_p99_ms"], higherIsBetter: false)
        table.add("weather model, CPU time per call (ms)", swift: weatherTimes.cpu, baseline: baseline?["weather_cpu_ms"],
                  higherIsBetter: false)
        if let screening {
            table.add("unsafe-image screen (Open NSFW ResNet-50), p50 (ms)", swift: screening.p50, baseline: nil, higherIsBetter: false)
            table.add("unsafe-image screen, p99 (ms)", swift: screening.p99, baseline: nil, higherIsBetter: false)
            table.add("unsafe-image screen, CPU time per call (ms)", swift: screening.cpu, baseline: nil, higherIsBetter: false)
        } else {
            table.note("unsafe-image screen not timed: no open_nsfw.onnx (scripts/fetch-nsfw-model.sh)")
        }
        table.add("mupic tag end to end: analyse (EXIF, colour, inputs) + both models + fusion, p50 (ms) vs PIL draft",
                  swift: tagEndToEnd.p50, baseline: baseline?["draft_pipeline_p50_ms"], higherIsBetter: false)
        table.add("mupic tag end to end, p99 (ms) vs PIL draft", swift: tagEndToEnd.p99,
                  baseline: baseline?["draft_pipeline_p99_ms"], higherIsBetter: false)
        table.add("tag path, analyse alone (decode, EXIF, colour, inputs), p50 (ms)", swift: tagDecode.p50, baseline: nil, higherIsBetter: false)
        table.add("upload path, decode alone (stored copy, thumbnail, colours, inputs), p50 (ms)", swift: uploadDecode.p50,
                  baseline: nil, higherIsBetter: false)
        table.add("upload path: full decode + both models, p50 (ms) vs PIL full decode", swift: uploadPath.p50,
                  baseline: baseline?["full_pipeline_p50_ms"], higherIsBetter: false)
        table.add("upload path, p99 (ms) vs PIL full decode", swift: uploadPath.p99,
                  baseline: baseline?["full_pipeline_p99_ms"], higherIsBetter: false)
        table.note("photos: " + zip(photos, sizes).map { "\(URL(fileURLWithPath: $0.0).lastPathComponent) \($0.1)" }.joined(separator: ", "))
        table.note("\(threads) OpenBLAS / onnxruntime thread(s), libvips 1 thread per image, \(runs) runs each")
        table.note("PIL draft = Image.draft shrink-on-load (PIL's equivalent of libvips' shrink); PIL full decode = no draft")
        if baseline == nil { table.note("Python baseline unavailable: see scripts/imagemodels/bench_baseline.py for its setup") }
        print(table.render())
    }

    /// p50 and p99 wall time of `body(run)` over `runs` runs, after three warm-up runs, and the
    /// process CPU time per run (all threads: OpenBLAS helpers that spin show up here), in ms.
    private static func time(runs: Int, _ body: (Int) throws -> Void) rethrows -> (p50: Double, p99: Double, cpu: Double) {
        for run in 0..<3 { try body(run) }
        var times: [Double] = []
        let cpuStart = processCPUMilliseconds()
        for run in 0..<runs { times.append(try Clock.seconds { try body(run) } * 1000) }
        let cpu = (processCPUMilliseconds() - cpuStart) / Double(runs)
        return (Percentiles.median(times), Percentiles.percentile(times, 0.99), cpu)
    }

    private static func processCPUMilliseconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
    }
}
