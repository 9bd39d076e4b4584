//! Times f32 matrix products of the sizes a small BERT-style encoder (hidden 384, feed-forward
//! 1536, as multilingual-e5-small) multiplies, with candle on the CPU, and prints GFLOP/s.
//!
//! `cargo run --release --example matmul [TOKENS]` (TOKENS rows per product, default 512);
//! `RAYON_NUM_THREADS=1` for one core.

use candle_core::{Device, Tensor};
use std::time::Instant;

fn main() -> candle_core::Result<()> {
    let tokens: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(512);
    let device = Device::Cpu;
    let shapes = [
        ("attention projection", tokens, 384, 384),
        ("feed-forward in", tokens, 384, 1536),
        ("feed-forward out", tokens, 1536, 384),
        ("384x1536 . 1536x384", 384, 1536, 384),
    ];
    println!("candle CPU matmul, f32, {} threads", candle_core::utils::get_num_threads());
    for (name, m, k, n) in shapes {
        let a = Tensor::randn(0f32, 1.0, (m, k), &device)?;
        let b = Tensor::randn(0f32, 1.0, (k, n), &device)?;
        a.matmul(&b)?; // warm up
        let flops = 2.0 * (m * k * n) as f64;
        let mut runs = 0u32;
        let start = Instant::now();
        while start.elapsed().as_secs_f64() < 1.0 {
            std::hint::black_box(a.matmul(&b)?);
            runs += 1;
        }
        let secs = start.elapsed().as_secs_f64() / runs as f64;
        println!("{name:<22} [{m}x{k}] . [{k}x{n}]  {:>8.3} ms  {:>7.1} GFLOP/s", secs * 1e3, flops / secs / 1e9);
        // The same product with the weights and activations in int8 (one thread: it has none of its own).
        let x = a.flatten_all()?.to_vec1::<f32>()?;
        let w = b.t()?.contiguous()?.flatten_all()?.to_vec1::<f32>()?;
        let layer = meelezer::ner::int8::Int8Linear::new(&w, n, k, None);
        let mut runs = 0u32;
        let start = Instant::now();
        while start.elapsed().as_secs_f64() < 1.0 {
            std::hint::black_box(layer.forward(&x, m));
            runs += 1;
        }
        let secs = start.elapsed().as_secs_f64() / runs as f64;
        println!("{:<22} {:>26}  {:>8.3} ms  {:>7.1} GFLOP/s (int8, one thread)", "", "", secs * 1e3, flops / secs / 1e9);
    }
    Ok(())
}
