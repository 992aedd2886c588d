// Arithmetic whose results are bit-identical on every platform. libm's log
// may differ in the last bit between glibc (native) and musl (wasm), which
// would make native and wasm output differ; these use only + - * / and
// frexp, which IEEE 754 defines exactly.
#pragma once

#include <cmath>

namespace precis::numeric {

// Natural logarithm for x > 0 (returns 0 for x <= 0), within 1e-15 relative.
[[nodiscard]] inline double ln(double x) {
  if (!(x > 0)) return 0;
  int exponent = 0;
  double m = std::frexp(x, &exponent);  // x = m * 2^exponent, m in [0.5, 1)
  if (m < 0.7071067811865476) {         // keep m in [sqrt(1/2), sqrt(2))
    m *= 2;
    --exponent;
  }
  // ln(m) = 2 atanh(z), z = (m - 1) / (m + 1), |z| < 0.1716
  const double z = (m - 1) / (m + 1);
  const double z2 = z * z;
  double term = z, sum = 0;
  for (int k = 1; k <= 31; k += 2) {
    sum += term / k;
    term *= z2;
  }
  constexpr double kLn2 = 0.6931471805599453;
  return 2 * sum + exponent * kLn2;
}

// Round to 6 decimals for output, so tiny differences never show.
[[nodiscard]] inline double round6(double x) { return std::round(x * 1e6) / 1e6; }

}  // namespace precis::numeric
