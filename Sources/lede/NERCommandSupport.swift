import Foundation
import LedeCore

/// `lede train ner` and `lede train ner --evaluate` (the latter prints `token gold pred` lines for
/// `../shared/tools/ner_score.py` on stdout and a JSON line with timing on stderr; used by bench/ner/run.py).
enum NERCommandSupport {
    static func train(train: String, dev: String, out: String, log: @escaping (String) -> Void) {
        runReportingErrors {
            let start = Date()
            let gazetteer = try Gazetteer.bundled()
            let trainDocs = NERTrainer.parse(try InputReader.read(train))
            let devDocs = NERTrainer.parse(try InputReader.read(dev))
            log("read \(trainDocs.count) training and \(devDocs.count) dev documents")
            let model = NERTrainer().train(trainDocs, dev: devDocs, gazetteer: gazetteer, progress: log)
            try writeModel(ModelFile.encode(model), to: out, log: log)
            log(String(format: "trained in %.1f s", Date().timeIntervalSince(start)))
        }
    }

    static func evaluate(model path: String, dev: String) {
        runReportingErrors {
            let loadStart = Date()
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            let tagger = NamedEntityTagger(model: try ModelFile.decode(bytes, file: path, expectedName: NamedEntityTagger.modelName),
                                           gazetteer: try Gazetteer.bundled())
            let loadSeconds = Date().timeIntervalSince(loadStart)
            let docs = NERTrainer.parse(try InputReader.read(dev))
            let start = Date()
            let predicted = docs.map { tagger.tag(document: $0.map(\.words), tags: $0.map(\.pos)) }
            let seconds = Date().timeIntervalSince(start)
            var lines: [String] = []
            var tokens = 0
            for (doc, labels) in zip(docs, predicted) {
                for (sentence, sentenceLabels) in zip(doc, labels) {
                    for (k, word) in sentence.words.enumerated() { lines.append("\(word) \(sentence.gold[k]) \(sentenceLabels[k])") }
                    tokens += sentence.words.count
                    lines.append("")
                }
            }
            print(lines.joined(separator: "\n"))
            FileHandle.standardError.write(Data(String(format: "{\"tokens\": %d, \"seconds\": %.4f, \"tokens_per_second\": %.0f, \"model_bytes\": %d, \"load_seconds\": %.3f}\n",
                                                       tokens, seconds, Double(tokens) / seconds, bytes.count, loadSeconds).utf8))
        }
    }
}
