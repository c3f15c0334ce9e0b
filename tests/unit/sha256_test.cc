#include "graph/sha256.h"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>

namespace newsgraph {
namespace {

// Both engines (on a CPU without SHA extensions they are the same code).
void ExpectDigest(std::string_view data, std::string_view hex) {
  EXPECT_EQ(Sha256Hex(data, Sha256Engine::kBest), hex) << "best engine";
  EXPECT_EQ(Sha256Hex(data, Sha256Engine::kPortable), hex) << "portable engine";
}

// Test vectors from FIPS 180-4 / NIST CAVS.
TEST(Sha256Test, EmptyString) {
  ExpectDigest("",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Sha256Test, Abc) {
  ExpectDigest("abc",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256Test, FiftySixBytesNeedASecondPaddingBlock) {
  ExpectDigest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256Test, OneMillionA) {
  ExpectDigest(std::string(1000000, 'a'),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256Test, LengthsAroundTheBlockBoundaryGiveDistinctDigests) {
  std::set<std::string> digests;
  for (size_t n : {55u, 56u, 63u, 64u, 65u}) {
    std::string d = Sha256Hex(std::string(n, 'x'));
    EXPECT_EQ(d.size(), 64u) << "length " << n;
    EXPECT_EQ(d.find_first_not_of("0123456789abcdef"), std::string::npos)
        << "length " << n << ": " << d;
    digests.insert(d);
  }
  EXPECT_EQ(digests.size(), 5u);
}

TEST(Sha256Test, LengthsAroundTheBlockBoundaryMatchReferenceDigests) {
  // Reference digests from coreutils sha256sum of n copies of 'x'.
  ExpectDigest(std::string(55, 'x'),
            "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072");
  ExpectDigest(std::string(56, 'x'),
            "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e");
  ExpectDigest(std::string(63, 'x'),
            "75220b47218278e656f2013bb8f0c455a25eaf01e86c64924e9d48d89776d6f2");
  ExpectDigest(std::string(64, 'x'),
            "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c");
  ExpectDigest(std::string(65, 'x'),
            "9537c5fdf120482f7d58d25e9ed583f52c02b4e304ea814db1633ad565aed7e9");
}

TEST(Sha256Test, BytesAboveAsciiAreHashedAsUnsigned) {
  // SHA-256 of the single byte 0xFF.
  ExpectDigest("\xFF",
            "a8100ae6aa1940d0b663bb31cd466142ebbdbd5187131b92d93818987832eb89");
}

TEST(Sha256Test, EnginesAgreeOnEveryLengthAndByte) {
  std::mt19937 random(7);
  std::string data;
  for (size_t n = 0; n <= 1100; ++n) {
    EXPECT_EQ(Sha256Hex(data, Sha256Engine::kBest), Sha256Hex(data, Sha256Engine::kPortable))
        << "length " << n;
    data.push_back(static_cast<char>(random() & 0xFF));
  }
}

}  // namespace
}  // namespace newsgraph
