//! Integration tests, one binary: each module tests one part of the crate from outside.

mod model;
