//! Int8 linear layers for inference: weights quantized once per output row, activations per
//! input row as they arrive, products summed exactly in `i32`.
//!
//! A weight row `w` is stored as `round(w / s_w)` in `[-127, 127]` with `s_w = max|w| / 127`. An
//! activation row `x` is stored as `u = round(x / s_x) + z` in `[0, 255]`, with `s_x` and the zero
//! point `z` spanning the row's own minimum and maximum (and 0), so a row of GELU outputs, almost
//! all above -0.17, uses the whole byte. Then `x · w ≈ s_x s_w (Σ u q - z Σ q)`: the integer sum
//! is exact, and the correction `z Σ q` uses the weight row's sum, computed once.
//!
//! On CPUs with AVX-512 VNNI, `vpdpbusd` multiplies 64 unsigned-by-signed byte pairs and adds
//! them in fours into 16 `i32` lanes per instruction (four times the multiply-adds of an f32 FMA);
//! elsewhere a portable loop computes the same integers. Quantizing and the float epilogue are
//! shared code, so both paths give the same bytes.

/// Output columns per packed panel (two 16-lane vectors).
const NR: usize = 32;
/// Input rows per tile of the kernel.
const MR: usize = 8;

/// A linear layer `y = x Wᵀ + b` with `W` quantized to int8.
#[derive(Debug, Clone)]
pub struct Int8Linear {
    /// Outputs and inputs of the layer.
    n: usize,
    k: usize,
    /// `k` rounded up to a multiple of 4 (a `vpdpbusd` lane sums 4 products).
    k4: usize,
    /// `[n_pad / NR][k4 / 4][NR][4]`: for each panel of 32 outputs and each group of 4 inputs,
    /// 32 rows' 4 weights in a row, so one group is two 64-byte vectors.
    packed: Vec<i8>,
    /// Per output (padded to `NR`): the weight scale, the sum of the quantized row, the bias.
    scale: Vec<f32>,
    sum: Vec<i32>,
    bias: Vec<f32>,
}

/// Input rows quantized to bytes, `k4` per row (padding holds the zero point; its weights are 0).
struct QuantRows {
    bytes: Vec<u8>,
    scale: Vec<f32>,
    zero: Vec<i32>,
}

impl Int8Linear {
    /// `weight` is `[n, k]` row-major (the layout of a PyTorch / candle `Linear`), `bias` `[n]`.
    pub fn new(weight: &[f32], n: usize, k: usize, bias: Option<&[f32]>) -> Int8Linear {
        assert_eq!(weight.len(), n * k, "weight is not {n}x{k}");
        #[cfg(target_arch = "x86_64")]
        if std::is_x86_feature_detected!("avx512f") && std::is_x86_feature_detected!("avx512bw") {
            // SAFETY: the CPU has the features the function is compiled for.
            return unsafe { Int8Linear::new_avx512(weight, n, k, bias) };
        }
        Int8Linear::new_plain(weight, n, k, bias)
    }

    /// The same code compiled for AVX-512, so rounding and scaling vectorize (same bytes).
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx512f,avx512bw")]
    unsafe fn new_avx512(weight: &[f32], n: usize, k: usize, bias: Option<&[f32]>) -> Int8Linear {
        Int8Linear::new_plain(weight, n, k, bias)
    }

    #[inline(always)]
    fn new_plain(weight: &[f32], n: usize, k: usize, bias: Option<&[f32]>) -> Int8Linear {
        let k4 = k.div_ceil(4) * 4;
        let n_pad = n.div_ceil(NR) * NR;
        let mut packed = vec![0i8; n_pad * k4];
        let mut scale = vec![0f32; n_pad];
        let mut sum = vec![0i32; n_pad];
        let mut full_bias = vec![0f32; n_pad];
        let mut q = vec![0i8; k];
        for o in 0..n {
            let row = &weight[o * k..(o + 1) * k];
            let max = row.iter().fold(0f32, |m, &w| if w.abs() > m { w.abs() } else { m });
            let s = if max > 0.0 { max / 127.0 } else { 1.0 };
            scale[o] = s;
            for (q, &w) in q.iter_mut().zip(row) {
                *q = (w / s).round_ties_even().clamp(-127.0, 127.0) as i8;
            }
            sum[o] = q.iter().map(|&v| v as i32).sum();
            let (panel, j) = (o / NR, o % NR);
            let panel = &mut packed[panel * k4 * NR..(panel + 1) * k4 * NR];
            for (g, q4) in q.chunks(4).enumerate() {
                panel[(g * NR + j) * 4..][..q4.len()].copy_from_slice(q4);
            }
            if let Some(b) = bias {
                full_bias[o] = b[o];
            }
        }
        Int8Linear { n, k, k4, packed, scale, sum, bias: full_bias }
    }

    /// Outputs of the layer.
    pub fn out_features(&self) -> usize {
        self.n
    }

    /// Inputs of the layer.
    pub fn in_features(&self) -> usize {
        self.k
    }

    /// `x` is `[rows, k]` row-major; returns `[rows, n]`.
    pub fn forward(&self, x: &[f32], rows: usize) -> Vec<f32> {
        self.forward_post(x, rows, Post::None)
    }

    /// [`Int8Linear::forward`], then `post` on each tile of rows while it is still in cache.
    pub fn forward_post(&self, x: &[f32], rows: usize, post: Post) -> Vec<f32> {
        assert_eq!(x.len(), rows * self.k, "input is not {rows}x{}", self.k);
        #[cfg(target_arch = "x86_64")]
        if has_vnni() {
            // SAFETY: the CPU has the features `forward_vnni` is compiled for.
            return unsafe { self.forward_vnni(x, rows, post) };
        }
        self.forward_with::<Portable>(x, rows, post)
    }

    /// The whole layer compiled for AVX-512 (see [`Kernel`]).
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx512f,avx512bw,avx512vnni,avx2,fma")]
    unsafe fn forward_vnni(&self, x: &[f32], rows: usize, post: Post) -> Vec<f32> {
        self.forward_with::<vnni::Vnni>(x, rows, post)
    }

    #[inline(always)]
    fn forward_with<K: Kernel>(&self, x: &[f32], rows: usize, post: Post) -> Vec<f32> {
        let q = self.quantize::<K>(x, rows);
        let mut y = vec![0f32; rows * self.n];
        let mut acc = [[0i32; NR]; MR];
        let panel_len = (self.k4 / 4) * NR * 4;
        for r0 in (0..rows).step_by(MR) {
            let tile = MR.min(rows - r0);
            let a = &q.bytes[r0 * self.k4..(r0 + tile) * self.k4];
            for (panel, b) in self.packed.chunks_exact(panel_len).enumerate() {
                K::tile(a, tile, self.k4, b, &mut acc);
                let o0 = panel * NR;
                let width = NR.min(self.n - o0);
                let weights = Weights {
                    sum: self.sum[o0..o0 + NR].try_into().expect("padded to NR"),
                    scale: self.scale[o0..o0 + NR].try_into().expect("padded to NR"),
                    bias: self.bias[o0..o0 + NR].try_into().expect("padded to NR"),
                };
                for (t, acc_row) in acc.iter().enumerate().take(tile) {
                    let r = r0 + t;
                    let out = &mut y[r * self.n + o0..r * self.n + o0 + width];
                    K::epilogue(acc_row, q.zero[r], q.scale[r], &weights, out);
                }
            }
            match post {
                Post::None => {}
                Post::GeluErf => super::fastmath::gelu_erf(&mut y[r0 * self.n..(r0 + tile) * self.n]),
            }
        }
        y
    }

    #[inline(always)]
    fn quantize<K: Kernel>(&self, x: &[f32], rows: usize) -> QuantRows {
        let (k, k4) = (self.k, self.k4);
        let mut bytes = vec![0u8; rows * k4];
        let mut scale = Vec::with_capacity(rows);
        let mut zero = Vec::with_capacity(rows);
        for (r, row) in x.chunks_exact(k).enumerate() {
            let (lo, hi) = range_with_zero(row);
            let s = if hi > lo { (hi - lo) / 255.0 } else { 1.0 };
            let inv = 1.0 / s;
            let z = (-lo * inv).round_ties_even().clamp(0.0, 255.0);
            let out = &mut bytes[r * k4..(r + 1) * k4];
            K::quantize_row(row, inv, z, &mut out[..k]);
            out[k..].fill(z as u8);
            scale.push(s);
            zero.push(z as i32);
        }
        QuantRows { bytes, scale, zero }
    }
}

/// One panel's weight sums, scales and biases.
struct Weights<'a> {
    sum: &'a [i32; NR],
    scale: &'a [f32; NR],
    bias: &'a [f32; NR],
}

/// The three inner loops of a layer. Two implementations, which must give the same bytes: the
/// integer sums are exact, and the float steps are the same operations in the same order (Rust
/// never contracts a multiply and an add into an FMA on its own, nor do these kernels).
trait Kernel {
    /// `out[i] = clamp(round_even(row[i] * inv + z), 0, 255)`.
    fn quantize_row(row: &[f32], inv: f32, z: f32, out: &mut [u8]);
    /// `acc[t][j] = Σ_i a[t][i] b[j][i]` for the first `tile` rows.
    fn tile(a: &[u8], tile: usize, k4: usize, b: &[i8], acc: &mut Tile);
    /// `out[j] = (acc[j] - z sum[j]) as f32 * (sx * scale[j]) + bias[j]`, for `j < out.len()`.
    fn epilogue(acc: &[i32; NR], z: i32, sx: f32, w: &Weights, out: &mut [f32]);
}

/// Plain Rust, for any CPU.
struct Portable;

impl Kernel for Portable {
    #[inline(always)]
    fn quantize_row(row: &[f32], inv: f32, z: f32, out: &mut [u8]) {
        for (u, &v) in out.iter_mut().zip(row) {
            *u = (v * inv + z).round_ties_even().clamp(0.0, 255.0) as u8;
        }
    }

    #[inline(always)]
    fn tile(a: &[u8], tile: usize, k4: usize, b: &[i8], acc: &mut Tile) {
        portable_tile(a, tile, k4, b, acc)
    }

    #[inline(always)]
    fn epilogue(acc: &[i32; NR], z: i32, sx: f32, w: &Weights, out: &mut [f32]) {
        for (j, v) in out.iter_mut().enumerate() {
            let dot = acc[j] - z * w.sum[j];
            *v = dot as f32 * (sx * w.scale[j]) + w.bias[j];
        }
    }
}

/// What [`Int8Linear::forward_post`] applies to the outputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Post {
    None,
    /// The exact GELU ([`super::fastmath::gelu_erf`]).
    GeluErf,
}

/// The integer sums of one tile: `MR` rows by `NR` outputs.
type Tile = [[i32; NR]; MR];

/// The smallest and largest value of `row` and 0, in 16 lanes so it vectorizes (min and max are
/// exact, so the order does not matter).
#[inline(always)]
fn range_with_zero(row: &[f32]) -> (f32, f32) {
    let (mut lo, mut hi) = ([0f32; 16], [0f32; 16]);
    let chunks = row.chunks_exact(16);
    let rest = chunks.remainder();
    for c in chunks {
        for i in 0..16 {
            lo[i] = if c[i] < lo[i] { c[i] } else { lo[i] };
            hi[i] = if c[i] > hi[i] { c[i] } else { hi[i] };
        }
    }
    let (mut l, mut h) = (0f32, 0f32);
    for &v in lo.iter().chain(rest) {
        l = if v < l { v } else { l };
    }
    for &v in hi.iter().chain(rest) {
        h = if v > h { v } else { h };
    }
    (l, h)
}

/// Whether this CPU runs the VNNI kernel.
pub fn has_vnni() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::is_x86_feature_detected!("avx512f")
            && std::is_x86_feature_detected!("avx512bw")
            && std::is_x86_feature_detected!("avx512vnni")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

/// The integer sums of one tile without special instructions: `acc[t][j] = Σ_i a[t][i] b[j][i]`.
fn portable_tile(a: &[u8], tile: usize, k4: usize, b: &[i8], acc: &mut Tile) {
    for (t, acc_row) in acc.iter_mut().enumerate().take(tile) {
        let a_row = &a[t * k4..(t + 1) * k4];
        *acc_row = [0; NR];
        for (g, a4) in a_row.chunks_exact(4).enumerate() {
            let group = &b[g * NR * 4..(g + 1) * NR * 4];
            for (j, w4) in group.chunks_exact(4).enumerate() {
                acc_row[j] += a4.iter().zip(w4).map(|(&u, &w)| u as i32 * w as i32).sum::<i32>();
            }
        }
    }
}

#[cfg(target_arch = "x86_64")]
mod vnni {
    use super::{Kernel, Tile, Weights, MR, NR};
    use std::arch::x86_64::*;

    /// AVX-512 with VNNI. Its methods may only run on a CPU that has those (`has_vnni`), which
    /// `Int8Linear::forward_post` checks before it picks this kernel.
    pub struct Vnni;

    impl Kernel for Vnni {
        #[inline(always)]
        fn quantize_row(row: &[f32], inv: f32, z: f32, out: &mut [u8]) {
            // SAFETY: only reached through `forward_vnni`, on a CPU with AVX-512.
            unsafe { quantize_row(row, inv, z, out) }
        }

        #[inline(always)]
        fn tile(a: &[u8], tile_rows: usize, k4: usize, b: &[i8], acc: &mut Tile) {
            // SAFETY: as above; `forward_with` passes `tile_rows` rows of `k4` bytes and a panel.
            unsafe { tile(a, tile_rows, k4, b, acc) }
        }

        #[inline(always)]
        fn epilogue(acc: &[i32; NR], z: i32, sx: f32, w: &Weights, out: &mut [f32]) {
            // SAFETY: as above.
            unsafe { epilogue(acc, z, sx, w, out) }
        }
    }

    /// Sixteen values at a time: multiply, add, round to nearest even (`vcvtps2dq` under the
    /// default rounding mode), clamp, narrow to bytes; the tail as the portable kernel does it.
    #[target_feature(enable = "avx512f,avx512bw")]
    unsafe fn quantize_row(row: &[f32], inv: f32, z: f32, out: &mut [u8]) {
        let n = row.len().min(out.len());
        let (vinv, vz) = (_mm512_set1_ps(inv), _mm512_set1_ps(z));
        let (lo, hi) = (_mm512_setzero_si512(), _mm512_set1_epi32(255));
        let mut i = 0;
        while i + 16 <= n {
            // SAFETY: i + 16 <= n, within both slices.
            let v = _mm512_loadu_ps(row.as_ptr().add(i));
            let q = _mm512_cvtps_epi32(_mm512_add_ps(_mm512_mul_ps(v, vinv), vz));
            let q = _mm512_max_epi32(_mm512_min_epi32(q, hi), lo);
            _mm_storeu_si128(out.as_mut_ptr().add(i) as *mut __m128i, _mm512_cvtepi32_epi8(q));
            i += 16;
        }
        <super::Portable as Kernel>::quantize_row(&row[i..n], inv, z, &mut out[i..n]);
    }

    /// Both halves of a panel row: `(acc - z sum)` to float, times `sx * scale`, plus bias.
    #[target_feature(enable = "avx512f,avx512bw")]
    unsafe fn epilogue(acc: &[i32; NR], z: i32, sx: f32, w: &Weights, out: &mut [f32]) {
        let (vz, vsx) = (_mm512_set1_epi32(z), _mm512_set1_ps(sx));
        for half in 0..NR / 16 {
            let j = half * 16;
            if j >= out.len() {
                break;
            }
            // SAFETY: j + 16 <= NR for the arrays; the store is masked to out.len().
            let dot = _mm512_sub_epi32(
                _mm512_loadu_si512(acc.as_ptr().add(j) as *const __m512i),
                _mm512_mullo_epi32(vz, _mm512_loadu_si512(w.sum.as_ptr().add(j) as *const __m512i)),
            );
            let scale = _mm512_mul_ps(vsx, _mm512_loadu_ps(w.scale.as_ptr().add(j)));
            let y = _mm512_add_ps(_mm512_mul_ps(_mm512_cvtepi32_ps(dot), scale), _mm512_loadu_ps(w.bias.as_ptr().add(j)));
            let left = out.len() - j;
            if left >= 16 {
                _mm512_storeu_ps(out.as_mut_ptr().add(j), y);
            } else {
                _mm512_mask_storeu_ps(out.as_mut_ptr().add(j), (1u16 << left) - 1, y);
            }
        }
    }

    /// One tile of up to `MR` rows by one panel of `NR` outputs.
    ///
    /// # Safety
    /// The CPU must have AVX-512 F, BW and VNNI; `a` must hold `tile` rows of `k4` bytes and `b`
    /// `k4 * NR` bytes.
    #[target_feature(enable = "avx512f,avx512bw,avx512vnni")]
    pub unsafe fn tile(a: &[u8], tile: usize, k4: usize, b: &[i8], acc: &mut [[i32; NR]; MR]) {
        debug_assert!(a.len() >= tile * k4 && b.len() >= k4 * NR);
        match tile {
            8 => rows::<8>(a, k4, b, acc),
            7 => rows::<7>(a, k4, b, acc),
            6 => rows::<6>(a, k4, b, acc),
            5 => rows::<5>(a, k4, b, acc),
            4 => rows::<4>(a, k4, b, acc),
            3 => rows::<3>(a, k4, b, acc),
            2 => rows::<2>(a, k4, b, acc),
            _ => rows::<1>(a, k4, b, acc),
        }
    }

    #[target_feature(enable = "avx512f,avx512bw,avx512vnni")]
    unsafe fn rows<const R: usize>(a: &[u8], k4: usize, b: &[i8], acc: &mut [[i32; NR]; MR]) {
        let mut sums = [[_mm512_setzero_si512(); 2]; R];
        let (a, b) = (a.as_ptr(), b.as_ptr());
        for g in 0..k4 / 4 {
            // SAFETY (whole loop): g * 4 < k4 and g * NR * 4 + 128 <= k4 * NR, within the slices.
            let b0 = _mm512_loadu_si512(b.add(g * NR * 4) as *const __m512i);
            let b1 = _mm512_loadu_si512(b.add(g * NR * 4 + 64) as *const __m512i);
            for (r, sum) in sums.iter_mut().enumerate() {
                let a4 = _mm512_set1_epi32((a.add(r * k4 + g * 4) as *const i32).read_unaligned());
                sum[0] = _mm512_dpbusd_epi32(sum[0], a4, b0);
                sum[1] = _mm512_dpbusd_epi32(sum[1], a4, b1);
            }
        }
        for (r, sum) in sums.iter().enumerate() {
            _mm512_storeu_si512(acc[r].as_mut_ptr() as *mut __m512i, sum[0]);
            _mm512_storeu_si512(acc[r].as_mut_ptr().add(16) as *mut __m512i, sum[1]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A deterministic pseudo-random matrix in `[-1, 1)`.
    fn matrix(len: usize, seed: u64) -> Vec<f32> {
        let mut s = seed;
        (0..len)
            .map(|_| {
                s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                ((s >> 40) as f32 / (1u64 << 24) as f32) * 2.0 - 1.0
            })
            .collect()
    }

    fn reference(x: &[f32], w: &[f32], b: &[f32], rows: usize, n: usize, k: usize) -> Vec<f32> {
        let mut y = vec![0f32; rows * n];
        for r in 0..rows {
            for o in 0..n {
                y[r * n + o] = (0..k).map(|i| x[r * k + i] * w[o * k + i]).sum::<f32>() + b[o];
            }
        }
        y
    }

    /// Odd sizes (k not a multiple of 4, n not of 32, rows not of 8) and the error bound of
    /// 8-bit quantization: each product is off by at most about 1/254 of its operands' range.
    #[test]
    fn products_match_f32_within_quantization_error() {
        let (rows, n, k) = (11, 45, 70);
        let x = matrix(rows * k, 1);
        let w = matrix(n * k, 2);
        let b = matrix(n, 3);
        let layer = Int8Linear::new(&w, n, k, Some(&b));
        let got = layer.forward(&x, rows);
        let want = reference(&x, &w, &b, rows, n, k);
        let worst = got.iter().zip(&want).map(|(g, w)| (g - w).abs()).fold(0f32, f32::max);
        // |error| <= Σ |x| |δw| + |w| |δx| ≈ k (1/254 + 1/254) / 2 on average; bound generously.
        assert!(worst < 0.15, "worst error {worst}");
        assert!(worst > 0.0, "quantization should not be exact on random data");
    }

    /// The VNNI kernels and the portable loops give the same bytes: the tile's integers, and
    /// a whole layer (odd sizes, so every tail and mask is taken) with and without the GELU.
    #[test]
    fn vnni_and_portable_kernels_agree() {
        if !has_vnni() {
            eprintln!("skipped: this CPU has no AVX-512 VNNI");
            return;
        }
        let k4 = 72;
        let a: Vec<u8> = (0..MR * k4).map(|i| (i * 37 % 256) as u8).collect();
        let b: Vec<i8> = (0..k4 * NR).map(|i| ((i * 91 % 255) as i32 - 127) as i8).collect();
        for tile in 1..=MR {
            let (mut fast, mut slow) = ([[0i32; NR]; MR], [[0i32; NR]; MR]);
            // SAFETY: has_vnni() above; sizes as the kernel requires.
            unsafe { vnni::tile(&a, tile, k4, &b, &mut fast) };
            portable_tile(&a, tile, k4, &b, &mut slow);
            assert_eq!(fast[..tile], slow[..tile], "tile of {tile} rows");
        }
        for (rows, n, k) in [(13, 45, 70), (8, 64, 384), (1, 7, 3)] {
            let x: Vec<f32> = matrix(rows * k, 4).iter().map(|v| v * 3.0 + 0.5).collect();
            let layer = Int8Linear::new(&matrix(n * k, 5), n, k, Some(&matrix(n, 6)));
            for post in [Post::None, Post::GeluErf] {
                // SAFETY: has_vnni() above.
                let fast = unsafe { layer.forward_vnni(&x, rows, post) };
                let slow = layer.forward_with::<Portable>(&x, rows, post);
                let same = fast.iter().zip(&slow).all(|(f, s)| f.to_bits() == s.to_bits());
                assert!(same, "{rows}x{k} . {k}x{n}, {post:?}");
            }
        }
    }

    /// A constant row (zero range) and an all-zero weight row do not divide by zero.
    #[test]
    fn constant_rows_and_zero_weights() {
        let (n, k) = (2, 5);
        let w = [0.0, 0.0, 0.0, 0.0, 0.0, 1.0, -1.0, 0.5, 0.25, 0.0];
        let layer = Int8Linear::new(&w, n, k, Some(&[0.5, 0.0]));
        let y = layer.forward(&[2.0; 5], 1);
        assert!((y[0] - 0.5).abs() < 1e-6, "{y:?}");
        assert!((y[1] - 1.5).abs() < 0.03, "{y:?}");
    }
}
