import Foundation
import Testing
@testable import LedeCore

@Suite struct ModelFileTests {
    static func tinyModel() -> LinearModel {
        var perceptron = AveragedPerceptron(classes: ["no", "yes"])
        for i in 0..<50 {
            let features: [UInt64] = [UInt64(i % 7), 100 + UInt64(i % 3)]
            perceptron.update(features: features, truth: i % 2, guess: perceptron.predict(features))
        }
        return perceptron.averaged(name: "tiny", metadata: ["note": "test"])
    }

    @Test func roundTrip_keepsEveryWeight() throws {
        let model = Self.tinyModel()
        let decoded = try ModelFile.decode(ModelFile.encode(model), file: "tiny.lmdl", expectedName: "tiny")
        #expect(decoded.classes == model.classes)
        #expect(decoded.features == model.features)
        #expect(decoded.weights == model.weights)
        #expect(decoded.metadata == ["note": "test"])
    }

    /// Ten classes, each feature confused between two of them only: most weights are zero, so the
    /// encoder picks the sparse layout, which must give back the very same dense weights.
    @Test func sparseLayout_keepsEveryWeight() throws {
        var perceptron = AveragedPerceptron(classes: (0..<10).map { "c\($0)" })
        for i in 0..<200 {
            perceptron.update(features: [UInt64(i % 40) + 1], truth: i % 10, guess: (i + 1) % 10)
        }
        let model = perceptron.averaged(name: "many", metadata: [:])
        let bytes = ModelFile.encode(model)
        #expect(bytes[8] == UInt8(ModelFile.sparseFormat))
        let decoded = try ModelFile.decode(bytes, file: "many.lmdl")
        #expect(decoded.features == model.features)
        #expect(decoded.weights == model.weights)
        #expect(ModelFile.encode(decoded) == bytes)
    }

    /// A row's count of non-zero weights takes one byte: a 256-class model with a full row must be
    /// written dense (the sparse count would overflow), and still round-trip.
    @Test func fullRowOf256Classes_roundTripsDense() throws {
        let n = 256
        var weights = [Float](repeating: 0, count: 10 * n)
        for row in 0..<9 { weights[row * n + row] = Float(row + 1) }
        for c in 0..<n { weights[9 * n + c] = Float(c) + 0.5 }
        let model = LinearModel(name: "wide", classes: (0..<n).map { "c\($0)" }, metadata: [:], features: Array(1...10), weights: weights)
        let bytes = ModelFile.encode(model)
        #expect(bytes[8] == UInt8(ModelFile.denseFormat))
        #expect(try ModelFile.decode(bytes, file: "wide.lmdl").weights == weights)
    }

    /// `make train` must reproduce the shipped files byte for byte, so each must already be in the
    /// layout the encoder chooses for its weights.
    @Test func bundledModels_areWhatTheEncoderWrites() throws {
        for name in ["sentences", "pos", "parser", "parser-labels", "ner", "events"] {
            let url = ModelStore.bundledDirectory.appendingPathComponent("\(name).lmdl")
            let bytes = [UInt8](try Data(contentsOf: url))
            #expect(ModelFile.encode(try ModelFile.decode(bytes, file: url.lastPathComponent)) == bytes, "\(name).lmdl")
        }
    }

    @Test func corruptByte_isACheckumError() {
        var bytes = ModelFile.encode(Self.tinyModel())
        bytes[bytes.count / 2] ^= 0xFF
        #expect(throws: ModelError.checksumMismatch("x")) { try ModelFile.decode(bytes, file: "x") }
    }

    @Test func truncatedOrForeignFiles_failClearly() {
        let bytes = ModelFile.encode(Self.tinyModel())
        #expect(throws: ModelError.self) { try ModelFile.decode(Array(bytes.prefix(20)), file: "x") }
        #expect(throws: ModelError.badMagic("x")) { try ModelFile.decode(Array("not a model at all, really".utf8), file: "x") }
        #expect(throws: ModelError.wrongModel(expected: "sentences", found: "tiny")) {
            try ModelFile.decode(bytes, file: "x", expectedName: "sentences")
        }
    }

    @Test func missingModelDirectory_failsAtLoad() {
        #expect(throws: ModelError.self) { try Extractor(store: ModelStore(directory: URL(fileURLWithPath: "/nonexistent"))) }
    }

    @Test func sentenceTraining_isDeterministic() {
        let conllu = (1...30).map { i in
            "# newdoc id = d\(i)\n# text = Sentence \(i) starts here.\n1\tSentence\t_\tNOUN\tNN\t_\t0\troot\t_\t_\n\n# text = Another one follows\n1\tAnother\t_\tDET\tDT\t_\t0\troot\t_\t_\n"
        }.joined(separator: "\n")
        let examples = SentenceTrainer.examples(CoNLLU.parse(conllu))
        var trainer = SentenceTrainer()
        trainer.iterations = 3
        let first = ModelFile.encode(trainer.train(examples, dev: examples, progress: { _ in }))
        let second = ModelFile.encode(trainer.train(examples, dev: examples, progress: { _ in }))
        #expect(first == second)
        #expect(SHA256.hex(first) == SHA256.hex(second))
    }

    @Test func sha256_matchesKnownVectors() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array(repeating: 0x61, count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    /// Lengths around the block size, where the padding takes one block or two (digests from
    /// Python's hashlib).
    @Test(arguments: [
        (55, "463eb28e72f82e0a96c0a4cc53690c571281131f672aa229e0d45ae59b598b59"),
        (56, "da2ae4d6b36748f2a318f23e7ab1dfdf45acdc9d049bd80e59de82a60895f562"),
        (63, "29af2686fd53374a36b0846694cc342177e428d1647515f078784d69cdb9e488"),
        (64, "fdeab9acf3710362bd2658cdc9a29e8f9c757fcf9811603a8c447cd1d9151108"),
        (65, "4bfd2c8b6f1eec7a2afeb48b934ee4b2694182027e6d0fc075074f2fabb31781"),
        (119, "da18797ed7c3a777f0847f429724a2d8cd5138e6ed2895c3fa1a6d39d18f7ec6"),
        (120, "f52b23db1fbb6ded89ef42a23ce0c8922c45f25c50b568a93bf1c075420bbb7c"),
        (1_000_003, "a7c4bea888022868c93104055fd56077cc81fe9eb624820fe2f717f313188782"),
    ])
    func sha256_padsEveryLength(length: Int, expected: String) {
        #expect(SHA256.hex((0..<length).map { UInt8($0 % 251) }) == expected)
    }
}
