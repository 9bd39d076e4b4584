//! Element-wise kernels for inference, written so the compiler can vectorize them: `exp`, the
//! exact GELU (`0.5 x (1 + erf(x / √2))`) and a row softmax. candle's CPU ops call libm's scalar
//! `erff` and `expf` per element, which took a quarter of the encoder's time (perf, 2 cores).
//!
//! `exp` splits `x · log2(e)` into an integer `n` and a fraction `f` in `[-0.5, 0.5]`, computes
//! `2^f` by its Taylor series to degree 7 (relative error below 2e-7) and puts `n` in the float's
//! exponent. `erf` is Abramowitz and Stegun's formula 7.1.26 (absolute error below 1.5e-7).

/// `e^x` for `f32`, relative error below about 1e-6 for results in the normal range; 0 below
/// -87, `e^88` above 88.
#[inline(always)]
pub fn exp(x: f32) -> f32 {
    let below = x < -87.0;
    let x = x.clamp(-87.0, 88.0);
    let t = x * std::f32::consts::LOG2_E;
    // Round to nearest by adding and taking away 1.5 * 2^23 (no libm call, so it vectorizes).
    const ROUND: f32 = 12_582_912.0;
    let n = (t + ROUND) - ROUND;
    // f = x - n ln 2, with ln 2 in two parts so the difference keeps its precision (Cody-Waite).
    const LN2_HI: f32 = 0.693_145_75;
    const LN2_LO: f32 = 1.428_606_8e-6;
    let f = (x - n * LN2_HI) - n * LN2_LO;
    // e^f for |f| <= ln2 / 2, Horner form of the Taylor series.
    let p = 1.0
        + f * (1.0
            + f * (0.5 + f * (1.0 / 6.0 + f * (1.0 / 24.0 + f * (1.0 / 120.0 + f * (1.0 / 720.0 + f * (1.0 / 5040.0)))))));
    let bits = ((n as i32 + 127) as u32) << 23;
    let r = p * f32::from_bits(bits);
    if below {
        0.0
    } else {
        r
    }
}

/// `erf(x)`, absolute error below 1.5e-7 (Abramowitz and Stegun 7.1.26).
#[inline(always)]
pub fn erf(x: f32) -> f32 {
    const P: f32 = 0.327_591_1;
    const A: [f32; 5] = [0.254_829_6, -0.284_496_72, 1.421_413_8, -1.453_152_1, 1.061_405_4];
    let a = x.abs();
    let t = 1.0 / (1.0 + P * a);
    let poly = t * (A[0] + t * (A[1] + t * (A[2] + t * (A[3] + t * A[4]))));
    let y = 1.0 - poly * exp(-a * a);
    y.copysign(x)
}

/// Runs `$body` compiled for AVX-512 or for AVX2 and FMA when the CPU has them (checked at run
/// time), else for the baseline target: the same arithmetic (no contraction into FMA, which Rust
/// never does on its own), wider vectors, so every path gives the same bytes.
macro_rules! with_wide_vectors {
    ($name:ident($($arg:ident: $ty:ty),*) $body:block) => {{
        #[cfg(target_arch = "x86_64")]
        {
            #[target_feature(enable = "avx512f,avx512bw,avx2,fma")]
            unsafe fn widest($($arg: $ty),*) $body
            #[target_feature(enable = "avx2,fma")]
            unsafe fn $name($($arg: $ty),*) $body
            if std::is_x86_feature_detected!("avx512f") && std::is_x86_feature_detected!("avx512bw") {
                // SAFETY: the CPU has the features the function was compiled for.
                unsafe { widest($($arg),*) };
                return;
            }
            if std::is_x86_feature_detected!("avx2") && std::is_x86_feature_detected!("fma") {
                // SAFETY: the CPU has the features the function was compiled for.
                unsafe { $name($($arg),*) };
                return;
            }
        }
        $body
    }};
}

/// The exact (erf) GELU, in place.
pub fn gelu_erf(values: &mut [f32]) {
    with_wide_vectors!(wide(values: &mut [f32]) {
        for v in values.iter_mut() {
            let x = *v;
            *v = 0.5 * x * (1.0 + erf(x * std::f32::consts::FRAC_1_SQRT_2));
        }
    })
}

/// Attention probabilities in one pass per row: each row of `row` scores becomes
/// `softmax(score * scale + mask)`, where rows `i * rows_per_mask ..` take the additive mask
/// `mask[i * row ..][..row]` (one mask row per sentence, shared by its heads and query positions).
pub fn scaled_masked_softmax(values: &mut [f32], row: usize, scale: f32, mask: &[f32], rows_per_mask: usize) {
    if row == 0 || rows_per_mask == 0 {
        return;
    }
    assert!(values.len() / row <= mask.len() / row * rows_per_mask, "fewer mask rows than sentences");
    with_wide_vectors!(wide(values: &mut [f32], row: usize, scale: f32, mask: &[f32], rows_per_mask: usize) {
        for (i, r) in values.chunks_exact_mut(row).enumerate() {
            let m = &mask[(i / rows_per_mask) * row..][..row];
            for (v, &add) in r.iter_mut().zip(m) {
                *v = *v * scale + add;
            }
            softmax_row(r);
        }
    })
}

/// Lanes for the reductions below: each sums (or takes the maximum of) every 16th value, so
/// the loop vectorizes; the lanes are then combined in a fixed order.
const LANES: usize = 16;

#[inline(always)]
fn softmax_row(r: &mut [f32]) {
    let mut lanes = [f32::NEG_INFINITY; LANES];
    let mut chunks = r.chunks_exact(LANES);
    for c in &mut chunks {
        for (l, &v) in lanes.iter_mut().zip(c) {
            *l = if v > *l { v } else { *l };
        }
    }
    let max = chunks.remainder().iter().chain(&lanes).fold(f32::NEG_INFINITY, |m, &v| if v > m { v } else { m });
    let mut sums = [0f32; LANES];
    let mut chunks = r.chunks_exact_mut(LANES);
    for c in &mut chunks {
        for (s, v) in sums.iter_mut().zip(c.iter_mut()) {
            *v = exp(*v - max);
            *s += *v;
        }
    }
    let mut sum = 0.0;
    for v in chunks.into_remainder() {
        *v = exp(*v - max);
        sum += *v;
    }
    let sum = sums.iter().fold(sum, |a, &s| a + s);
    let inv = 1.0 / sum;
    for v in r.iter_mut() {
        *v *= inv;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exp_matches_the_standard_library() {
        for i in -8700..=8800 {
            let x = i as f32 / 100.0;
            let (want, got) = (x.exp(), exp(x));
            let rel = ((got - want) / want.max(f32::MIN_POSITIVE)).abs();
            assert!(rel < 1e-6 || (want < 1e-37 && got < 1e-36), "exp({x}) = {got}, want {want}");
        }
        assert_eq!(exp(-1000.0), 0.0);
        assert!(exp(1000.0).is_finite());
    }

    #[test]
    fn erf_and_gelu_match_their_definitions() {
        // erf(0.5), erf(1), erf(2) to 7 places.
        for (x, want) in [(0.0f32, 0.0f32), (0.5, 0.520_499_9), (1.0, 0.842_700_8), (2.0, 0.995_322_3), (-1.0, -0.842_700_8)] {
            assert!((erf(x) - want).abs() < 3e-7, "erf({x}) = {}", erf(x));
        }
        let mut v = vec![-3.0f32, -1.0, 0.0, 0.5, 1.0, 3.0];
        let want: Vec<f32> = v.iter().map(|&x| 0.5 * x * (1.0 + erf_reference(x / 2f32.sqrt()))).collect();
        gelu_erf(&mut v);
        for (g, w) in v.iter().zip(&want) {
            assert!((g - w).abs() < 1e-6, "{g} vs {w}");
        }
    }

    /// erf by its Taylor series in f64 (converges well for |x| < 3).
    fn erf_reference(x: f32) -> f32 {
        let x = f64::from(x);
        let mut term = x;
        let mut sum = x;
        for n in 1..80 {
            term *= -x * x / n as f64;
            sum += term / (2 * n + 1) as f64;
        }
        (sum * 2.0 / std::f64::consts::PI.sqrt()) as f32
    }

    /// Two sentences of 3 tokens, 2 rows each: the second sentence's last token is padding.
    #[test]
    fn scaled_masked_softmax_scales_masks_and_normalizes() {
        let mut v = vec![2.0f32, 0.0, 0.0, 0.0, 2.0, 0.0, 4.0, 4.0, 9.0, 0.0, 0.0, 9.0];
        let mask = [0.0f32, 0.0, 0.0, 0.0, 0.0, -1e9];
        scaled_masked_softmax(&mut v, 3, 0.5, &mask, 2);
        let e = 1f32.exp();
        assert!((v[0] - e / (e + 2.0)).abs() < 1e-6 && (v[1] - 1.0 / (e + 2.0)).abs() < 1e-6);
        assert!((v[6] - 0.5).abs() < 1e-6 && (v[7] - 0.5).abs() < 1e-6 && v[8] == 0.0);
        assert!(v[9] == 0.5 && v[11] == 0.0);
    }
}
