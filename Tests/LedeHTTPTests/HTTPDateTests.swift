import Testing
@testable import LedeHTTP

@Suite struct HTTPDateTests {
    @Test func date_IsIMFFixdate() {
        #expect(HTTPDateCache.format(784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
    }
}
