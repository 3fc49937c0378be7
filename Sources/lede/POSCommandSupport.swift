import Foundation
import LedeCore

/// The unlabelled text `lede train pos` learns word classes from: every raw English text in the
/// shared data except the treebank's dev split (CoNLL-2003 train tokens, article bodies, PolNeAR
/// news, TimeBank), read in a fixed order so the classes, and so the model, are the same on every run.
enum POSCommandSupport {
    static func unlabelled(data: String) throws -> [[String]] {
        var units: [[String]] = []
        units += TaggerCorpus.conll2003(try InputReader.read("\(data)/ner/conll2003/train.txt"))
        for body in try InputReader.articleBodies("\(data)/articles/aeb/ground-truth.json") { units += TaggerCorpus.plainText(body) }
        for split in ["train", "dev"] {
            for line in try InputReader.read("\(data)/quotes/polnear/\(split).jsonl").split(separator: "\n") {
                let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                if let text = record?["text"] as? String { units += TaggerCorpus.plainText(text) }
            }
        }
        let timebank = "\(data)/timeml/timebank"
        for name in try FileManager.default.contentsOfDirectory(atPath: timebank).filter({ $0.hasSuffix(".tml") }).sorted() {
            units += TaggerCorpus.timeML(try InputReader.read("\(timebank)/\(name)"))
        }
        return units
    }
}
