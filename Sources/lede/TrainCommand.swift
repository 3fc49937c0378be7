import ArgumentParser
import Foundation
import LedeCore

struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a model from the shared datasets (deterministic: same data, same bytes)."
    )

    enum ModelKind: String, ExpressibleByArgument, CaseIterable { case sentences, pos, ner, parser, events }

    @Argument(help: "Which model: sentences or pos (part-of-speech tags and lemmas).")
    var model: ModelKind

    @Option(help: "Training file (CoNLL-U).")
    var train: String = "../shared/data/ud/en_ewt/en_ewt-ud-train.conllu"

    @Option(help: "Development file (CoNLL-U), scored after every iteration.")
    var dev: String = "../shared/data/ud/en_ewt/en_ewt-ud-dev.conllu"

    @Option(help: "CoNLL-2003 training file: orthographic counts for the sentence model.")
    var conll: String = "../shared/data/ner/conll2003/train.txt"

    @Option(help: "ner only: CoNLL-2003 dev file (model selection; scored by --evaluate).")
    var conllDev: String = "../shared/data/ner/conll2003/dev.txt"

    @Option(help: "Article ground truth ({id: {articleBody}} JSON): orthographic counts for the sentence model.")
    var articles: String = "../shared/data/articles/aeb/ground-truth.json"

    @Option(help: "pos only: the shared data folder whose raw texts give the tagger's word classes.")
    var unlabelled: String = "../shared/data"

    @Option(help: "Where to write the model (default: Sources/LedeCore/Resources/models/<model>.lmdl).")
    var out: String?

    @Flag(help: "pos only: score the model at --out on --dev (gold tokens) and print JSON instead of training.")
    var evaluate = false

    @Option(help: "parser only: the tagger model whose predicted tags the parser trains and is scored on.")
    var pos: String = "Sources/LedeCore/Resources/models/pos.lmdl"

    @Option(help: "events only: TimeBank exported by ../shared/tools/timeml_score.py (DIR/input and DIR/gold).")
    var timeml: String = ".bench/timeml"

    func run() {
        let out = self.out ?? "Sources/LedeCore/Resources/models/\(model.rawValue).lmdl"
        let log = { (line: String) in FileHandle.standardError.write(Data("\(line)\n".utf8)) }
        switch model {
        case .sentences: trainSentences(out: out, log: log)
        case .pos: evaluate ? evaluatePOS(model: out) : trainPOS(out: out, log: log)
        case .ner: evaluate ? NERCommandSupport.evaluate(model: out, dev: conllDev) : NERCommandSupport.train(train: conll, dev: conllDev, out: out, log: log)
        case .parser: evaluate ? ParserCommandSupport.evaluate(model: out, dev: dev, pos: pos)
            : ParserCommandSupport.train(train: train, dev: dev, pos: pos, out: out, log: log)
        case .events: EventsCommandSupport.train(timeml: timeml, out: out, log: log)
        }
    }

    private func trainSentences(out: String, log: @escaping (String) -> Void) {
        runReportingErrors {
            let trainDocs = CoNLLU.parse(try InputReader.read(train))
            let devDocs = CoNLLU.parse(try InputReader.read(dev))
            log("read \(trainDocs.count) training and \(devDocs.count) dev documents")
            var lexicon = OrthographyLexicon()
            lexicon.addCoNLL2003(try InputReader.read(conll))
            for body in try InputReader.articleBodies(articles) { lexicon.addPlainText(body) }
            let trainer = SentenceTrainer()
            let model = trainer.train(SentenceTrainer.examples(trainDocs), dev: SentenceTrainer.examples(devDocs),
                                      lexicon: lexicon, progress: log)
            try writeModel(ModelFile.encode(model), to: out, log: log)
        }
    }

    private func trainPOS(out: String, log: @escaping (String) -> Void) {
        runReportingErrors {
            let start = Date()
            let trainSentences = TaggerTrainer.sentences(CoNLLU.parse(try InputReader.read(train)))
            let devSentences = TaggerTrainer.sentences(CoNLLU.parse(try InputReader.read(dev)))
            let model = try TaggerTrainer().train(trainSentences, dev: devSentences,
                                                  unlabelled: try POSCommandSupport.unlabelled(data: unlabelled), progress: log)
            try writeModel(ModelFile.encode(model), to: out, log: log)
            log(String(format: "trained in %.1f s", Date().timeIntervalSince(start)))
        }
    }

    private func evaluatePOS(model path: String) {
        runReportingErrors {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            let tagger = try PartOfSpeechTagger(model: ModelFile.decode(bytes, file: path, expectedName: PartOfSpeechTagger.modelName))
            let sentences = TaggerTrainer.sentences(CoNLLU.parse(try InputReader.read(dev)))
            let start = Date()
            let score = TaggerTrainer.score(tagger, sentences)
            let seconds = Date().timeIntervalSince(start)
            let gold = TaggerTrainer.lemmaScore(tagger.lemmatizer, sentences)
            var confusions: [String: Int] = [:]
            for s in sentences {
                for (i, t) in tagger.tag(s.forms).enumerated() where t.upos != s.upos[i] { confusions["\(s.upos[i])→\(t.upos)", default: 0] += 1 }
            }
            let top = confusions.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(12)
            FileHandle.standardError.write(Data(("UPOS confusions (gold→predicted): " + top.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + "\n").utf8))
            print(String(format: "{\"words\": %d, \"upos\": %.5f, \"xpos\": %.5f, \"lemma\": %.5f, \"lemma_gold_tags\": %.5f, \"seconds\": %.3f, \"model_bytes\": %d}",
                         score.words, score.uposAccuracy, score.xposAccuracy, score.lemmaAccuracy, gold, seconds, bytes.count))
        }
    }

}

/// Writes a trained model and logs its size and sha256 (the digest `lede version` will report).
func writeModel(_ bytes: [UInt8], to out: String, log: (String) -> Void) throws(CLIError) {
    do {
        try Data(bytes).write(to: URL(fileURLWithPath: out))
    } catch {
        throw .unreadable("\(out): cannot write (\(error.localizedDescription))")
    }
    log("wrote \(out): \(bytes.count) bytes, sha256 \(SHA256.hex(bytes))")
}
