import Foundation
import LedeCore

/// `lede train parser` and `lede train parser --evaluate`. The parser is two model files side by
/// side: `--out` names the transition model (`parser.lmdl`); the label model is written beside it
/// as `parser-labels.lmdl`.
enum ParserCommandSupport {
    static func labelPath(_ out: String) -> String {
        URL(fileURLWithPath: out).deletingLastPathComponent()
            .appendingPathComponent("\(DependencyParser.labelModelName).lmdl").path
    }

    static func tagger(_ path: String) throws -> PartOfSpeechTagger {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        return try PartOfSpeechTagger(model: ModelFile.decode(bytes, file: path, expectedName: PartOfSpeechTagger.modelName))
    }

    static func train(train: String, dev: String, pos: String, out: String, log: @escaping (String) -> Void) {
        runReportingErrors {
            let start = Date()
            let tagger = try tagger(pos)
            let trainSentences = try ParserTrainer.jackknifed(CoNLLU.parse(try InputReader.read(train)), progress: log)
            let devSentences = ParserTrainer.sentences(CoNLLU.parse(try InputReader.read(dev)), tagger: tagger)
            log(String(format: "tagged %d training sentences (jackknifed) and %d dev sentences (with %@)  %.1f s",
                       trainSentences.count, devSentences.count, pos, Date().timeIntervalSince(start)))
            let models = try ParserTrainer().train(trainSentences, dev: devSentences, progress: log)
            try writeModel(ModelFile.encode(models.transitions), to: out, log: log)
            try writeModel(ModelFile.encode(models.labels), to: labelPath(out), log: log)
            log(String(format: "trained in %.1f s", Date().timeIntervalSince(start)))
        }
    }

    /// Prints UAS/LAS on `dev` (gold tokens, tags from the tagger at `pos`) as one JSON object.
    static func evaluate(model out: String, dev: String, pos: String) {
        runReportingErrors {
            let loadStart = Date()
            var bytes = 0
            func load(_ path: String, _ name: String) throws -> LinearModel {
                let data = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
                bytes += data.count
                return try ModelFile.decode(data, file: path, expectedName: name)
            }
            let parser = try DependencyParser(transitions: load(out, DependencyParser.modelName),
                                              labels: load(labelPath(out), DependencyParser.labelModelName))
            let loadSeconds = Date().timeIntervalSince(loadStart)
            let sentences = ParserTrainer.sentences(CoNLLU.parse(try InputReader.read(dev)), tagger: try tagger(pos))
            let start = Date()
            let score = ParserTrainer.score(parser, sentences)
            let seconds = Date().timeIntervalSince(start)
            print(String(format: "{\"words\": %d, \"uas\": %.5f, \"las\": %.5f, \"las_full_labels\": %.5f, \"punctuation\": \"included\", \"tags\": \"predicted\", \"parse_seconds\": %.3f, \"words_per_second\": %.0f, \"load_seconds\": %.4f, \"model_bytes\": %d}",
                         score.words, score.uas, score.las, score.lasFull, seconds, Double(score.words) / max(seconds, 1e-9),
                         loadSeconds, bytes))
        }
    }
}
