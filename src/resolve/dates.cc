// Dates: absolute and relative dates to ISO 8601, against an anchor.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "newsgraph/resolve.h"

namespace newsgraph {
namespace {

struct Ymd {
  int y = 0, m = 0, d = 0;
};

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

// Days since 1970-01-01 (proleptic Gregorian), and back.
long ToDays(Ymd a) {
  int y = a.y - (a.m <= 2);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (a.m + (a.m > 2 ? -3 : 9)) + 2) / 5 + a.d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}
Ymd FromDays(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(y + (m <= 2)), m, d};
}
// 1 = Monday ... 7 = Sunday.
int Weekday(Ymd a) {
  long z = ToDays(a);
  int w = static_cast<int>(((z % 7) + 7 + 3) % 7);  // 1970-01-01 was a Thursday
  return w + 1;
}

bool ParseAnchor(const std::string& s, Ymd* out) {
  if (s.size() != 10) return false;
  out->y = std::atoi(s.substr(0, 4).c_str());
  out->m = std::atoi(s.substr(5, 2).c_str());
  out->d = std::atoi(s.substr(8, 2).c_str());
  return out->y > 0 && out->m >= 1 && out->m <= 12 && out->d >= 1;
}

std::string Format(int y, int m, int d) {
  char buf[16];
  if (m == 0) {
    std::snprintf(buf, sizeof buf, "%04d", y);
  } else if (d == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  }
  return buf;
}

}  // namespace

std::string Normalizer::ParseDate(std::string_view text,
                                  const Segmentation& seg,
                                  const std::vector<LexiconHit>& hits,
                                  TokenRange r,
                                  const std::string& anchor_text) const {
  int year = 0, month = 0, day = 0, weekday = 0;
  int relative = 0;
  bool has_relative = false;
  std::string unit;
  std::vector<char> covered(r.size(), 0);
  auto first = std::lower_bound(hits.begin(), hits.end(), r.begin,
                                [](const LexiconHit& h, uint32_t b) { return h.tokens.begin < b; });
  for (auto it = first; it != hits.end() && it->tokens.begin < r.end; ++it) {
    const LexiconHit& h = *it;
    if (!r.Contains(h.tokens)) continue;
    const auto& attrs = rules_.lexicons()[h.lexicon].entries[h.entry].attributes;
    bool used = false;
    if (auto v = FindAttribute(attrs, "month"); !v.empty()) {
      month = std::atoi(std::string(v).c_str());
      used = true;
    }
    if (auto v = FindAttribute(attrs, "weekday"); !v.empty()) {
      weekday = std::atoi(std::string(v).c_str());
      used = true;
    }
    if (auto v = FindAttribute(attrs, "relative"); !v.empty()) {
      relative = std::atoi(std::string(v).c_str());
      has_relative = true;
      used = true;
    }
    if (auto v = FindAttribute(attrs, "unit"); !v.empty()) {
      unit = std::string(v);
      used = true;
    }
    if (used)
      for (uint32_t t = h.tokens.begin; t < h.tokens.end; ++t) covered[t - r.begin] = 1;
  }
  for (uint32_t t = r.begin; t < r.end; ++t) {
    if (covered[t - r.begin]) continue;
    std::string_view s = TokenText(text, seg.tokens[t]);
    if (s.empty() || s[0] < '0' || s[0] > '9') continue;
    size_t digits = 0;
    while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
    std::string rest(s.substr(digits));
    int v = std::atoi(std::string(s.substr(0, digits)).c_str());
    bool ordinal = rest == "st" || rest == "nd" || rest == "rd" || rest == "th";
    if (!rest.empty() && !ordinal) continue;
    if (digits == 4 && !ordinal && v >= 1000) {
      year = v;
    } else if (digits <= 2 && v >= 1 && v <= 31 && day == 0) {
      day = v;
    }
  }

  Ymd anchor;
  bool has_anchor = ParseAnchor(anchor_text, &anchor);
  if (unit == "day" && has_relative) {
    if (!has_anchor) return "";
    Ymd d = FromDays(ToDays(anchor) + relative);
    return Format(d.y, d.m, d.d);
  }
  if (weekday && !month && !day && !year) {
    if (!has_anchor) return "";
    // The latest such weekday on or before the anchor ("on Monday").
    int back = (Weekday(anchor) - weekday + 7) % 7;
    if (has_relative && relative < 0 && back == 0) back = 7;
    if (has_relative && relative > 0) back = back == 0 ? -7 : back - 7;
    Ymd d = FromDays(ToDays(anchor) - back);
    return Format(d.y, d.m, d.d);
  }
  if (has_relative && unit == "year") {
    if (!has_anchor) return "";
    year = anchor.y + relative;
  } else if (has_relative && unit == "month" && !month) {
    if (!has_anchor) return "";
    int m = anchor.m + relative, y = anchor.y;
    while (m < 1) m += 12, --y;
    while (m > 12) m -= 12, ++y;
    return Format(y, m, 0);
  }
  if (month < 1 || month > 12) month = 0;
  if (year == 0) {
    if (month == 0) return "";
    if (!has_anchor) return "";
    // A month (and day) without a year: the latest such date not after the
    // anchor, since news reports the past.
    year = anchor.y;
    if (month > anchor.m || (month == anchor.m && day > anchor.d)) --year;
  }
  if (month == 0) return Format(year, 0, 0);
  if (day > DaysInMonth(year, month)) day = 0;
  return Format(year, month, day);
}

}  // namespace newsgraph
