// A small, fast, seedable random source for samdrift-gen. The same seed gives the same stream on
// every platform (no std:: distributions, whose output is implementation-defined).
#ifndef SAMDRIFT_TOOLS_GEN_GEN_RANDOM_H_
#define SAMDRIFT_TOOLS_GEN_GEN_RANDOM_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace samdrift::tools::gen {

class Rng {
 public:
  // Streams for different `stream` values are independent (one per org, so orgs can be written in
  // any order or in parallel and still come out the same).
  Rng(std::uint64_t seed, std::uint64_t stream) {
    std::uint64_t x = seed ^ (stream * 0x9E3779B97F4A7C15ULL);
    for (std::uint64_t& s : s_) s = SplitMix(x);
  }

  std::uint64_t Next() {  // xoshiro256**
    const std::uint64_t result = Rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = Rotl(s_[3], 45);
    return result;
  }
  // Uniform in [0, n); n > 0.
  std::size_t Below(std::size_t n) {
    return static_cast<std::size_t>((static_cast<unsigned __int128>(Next()) * n) >> 64);
  }
  // Uniform in [lo, hi].
  int Between(int lo, int hi) {
    return lo + static_cast<int>(Below(static_cast<std::size_t>(hi - lo + 1)));
  }
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  bool Chance(double p) { return Unit() < p; }
  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[Below(items.size())];
  }
  // An index drawn with the given (non-negative, not all zero) weights.
  std::size_t Weighted(const std::vector<double>& weights) {
    double total = 0;
    for (double w : weights) total += w;
    double r = Unit() * total;
    for (std::size_t i = 0; i < weights.size(); ++i) {
      if (r < weights[i]) return i;
      r -= weights[i];
    }
    return weights.size() - 1;
  }
  // `n` characters from `alphabet`.
  std::string Token(std::size_t n, const char* alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") {
    std::size_t size = 0;
    while (alphabet[size]) ++size;
    std::string out(n, ' ');
    for (char& c : out) c = alphabet[Below(size)];
    return out;
  }

 private:
  static std::uint64_t SplitMix(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  static std::uint64_t Rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
};

}  // namespace samdrift::tools::gen

#endif  // SAMDRIFT_TOOLS_GEN_GEN_RANDOM_H_
