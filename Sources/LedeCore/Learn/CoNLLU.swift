import Foundation

/// Reads CoNLL-U treebanks (Universal Dependencies): documents, sentences, raw text and tokens.
public struct CoNLLU {
    public struct Word: Sendable {
        public var form: String
        public var lemma: String
        public var upos: String
        public var xpos: String
        /// 1-based head index within the sentence, 0 for the root.
        public var head: Int
        public var deprel: String
    }

    public struct Sentence: Sendable {
        public var id: String
        /// The `# text =` comment: the sentence as written.
        public var text: String
        public var words: [Word]
    }

    public struct Document: Sendable {
        public var id: String
        public var sentences: [Sentence]
    }

    /// Parses the whole file. Multi-word token lines (`1-2`) and empty nodes (`1.1`) are skipped:
    /// the syntactic words are what the models learn.
    public static func parse(_ content: String) -> [Document] {
        var documents: [Document] = []
        var current = Document(id: "", sentences: [])
        var sentence = Sentence(id: "", text: "", words: [])
        func finishSentence() {
            if !sentence.words.isEmpty { current.sentences.append(sentence) }
            sentence = Sentence(id: "", text: "", words: [])
        }
        for rawLine in content.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine[...]
            if line.isEmpty { finishSentence(); continue }
            if line.hasPrefix("#") {
                if let value = comment(line, "newdoc id") {
                    finishSentence()
                    if !current.sentences.isEmpty { documents.append(current) }
                    current = Document(id: value, sentences: [])
                } else if let value = comment(line, "sent_id") {
                    sentence.id = value
                } else if let value = comment(line, "text") {
                    sentence.text = value
                }
                continue
            }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count >= 8, Int(columns[0]) != nil else { continue }
            sentence.words.append(Word(form: String(columns[1]), lemma: String(columns[2]), upos: String(columns[3]),
                                       xpos: String(columns[4]), head: Int(columns[6]) ?? 0, deprel: String(columns[7])))
        }
        finishSentence()
        if !current.sentences.isEmpty { documents.append(current) }
        return documents
    }

    private static func comment(_ line: Substring, _ key: String) -> String? {
        let prefix = "# \(key) ="
        guard line.hasPrefix(prefix) else { return nil }
        return line.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
    }
}
