import ArgumentParser
import Foundation
import LedeCore

struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a model from the shared datasets (deterministic: same data, same bytes)."
    )

    enum ModelKind: String, ExpressibleByArgument, CaseIterable { case sentences }

    @Argument(help: "Which model: sentences.")
    var model: ModelKind

    @Option(help: "Training file (CoNLL-U).")
    var train: String = "../shared/data/ud/en_ewt/en_ewt-ud-train.conllu"

    @Option(help: "Development file (CoNLL-U), scored after every iteration.")
    var dev: String = "../shared/data/ud/en_ewt/en_ewt-ud-dev.conllu"

    @Option(help: "CoNLL-2003 training file: orthographic counts for the sentence model.")
    var conll: String = "../shared/data/ner/conll2003/train.txt"

    @Option(help: "Article ground truth ({id: {articleBody}} JSON): orthographic counts for the sentence model.")
    var articles: String = "../shared/data/articles/aeb/ground-truth.json"

    @Option(help: "Where to write the model.")
    var out: String = "Sources/LedeCore/Resources/models/sentences.lmdl"

    func run() {
        runReportingErrors {
            let log = { (line: String) in FileHandle.standardError.write(Data("\(line)\n".utf8)) }
            let trainDocs = CoNLLU.parse(try InputReader.read(train))
            let devDocs = CoNLLU.parse(try InputReader.read(dev))
            log("read \(trainDocs.count) training and \(devDocs.count) dev documents")
            var lexicon = OrthographyLexicon()
            lexicon.addCoNLL2003(try InputReader.read(conll))
            let bodies = try JSONSerialization.jsonObject(with: Data(try InputReader.read(articles).utf8)) as? [String: Any] ?? [:]
            for key in bodies.keys.sorted() {
                if let body = (bodies[key] as? [String: Any])?["articleBody"] as? String { lexicon.addPlainText(body) }
            }
            let trainer = SentenceTrainer()
            let model = trainer.train(SentenceTrainer.examples(trainDocs), dev: SentenceTrainer.examples(devDocs),
                                      lexicon: lexicon, progress: log)
            let bytes = ModelFile.encode(model)
            do {
                try Data(bytes).write(to: URL(fileURLWithPath: out))
            } catch {
                throw CLIError.unreadable("\(out): cannot write (\(error.localizedDescription))")
            }
            log("wrote \(out): \(bytes.count) bytes, sha256 \(SHA256.hex(bytes))")
        }
    }
}
