import Testing

/// Every test that runs a real server on 127.0.0.1 is nested here: `.serialized` keeps them one at a time, so
/// timing assertions do not compete for the 2 cores with each other.
@Suite(.serialized) struct LiveServerTests {}
