// libcurl is loaded when the first pusher is made, not linked: linking it
// would load some thirty shared libraries (TLS, Kerberos, LDAP, SSH ...) at
// every start, for a feature most runs do not use.
#define CURL_DISABLE_TYPECHECK
#include <curl/curl.h>
#include <dlfcn.h>

#include <chrono>
#include <cstdlib>
#include <thread>

#include "newsgraph/sink.h"

namespace newsgraph {
namespace {

// The libcurl functions used here, from libcurl.so.4 (its ABI since 2006).
struct Curl {
  CURLcode (*global_init)(long);
  CURL* (*easy_init)();
  void (*easy_cleanup)(CURL*);
  void (*easy_reset)(CURL*);
  CURLcode (*easy_setopt)(CURL*, CURLoption, ...);
  CURLcode (*easy_perform)(CURL*);
  CURLcode (*easy_getinfo)(CURL*, CURLINFO, ...);
  const char* (*easy_strerror)(CURLcode);
  char* (*easy_escape)(CURL*, const char*, int);
  void (*free)(void*);
  curl_slist* (*slist_append)(curl_slist*, const char*);
  void (*slist_free_all)(curl_slist*);
  std::string error;  // why it could not be loaded, or ""
};

template <typename F>
bool Load(void* lib, const char* name, F* fn) {
  *fn = reinterpret_cast<F>(dlsym(lib, name));
  return *fn != nullptr;
}

// libcurl, loaded and initialized once, before any thread uses it.
const Curl& Api() {
  static const Curl api = [] {
    Curl c{};
    void* lib = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
      const char* why = dlerror();
      c.error = std::string("cannot load libcurl.so.4 (apt-get install libcurl4): ") +
                (why ? why : "not found");
      return c;
    }
    bool ok = Load(lib, "curl_global_init", &c.global_init) &&
              Load(lib, "curl_easy_init", &c.easy_init) &&
              Load(lib, "curl_easy_cleanup", &c.easy_cleanup) &&
              Load(lib, "curl_easy_reset", &c.easy_reset) &&
              Load(lib, "curl_easy_setopt", &c.easy_setopt) &&
              Load(lib, "curl_easy_perform", &c.easy_perform) &&
              Load(lib, "curl_easy_getinfo", &c.easy_getinfo) &&
              Load(lib, "curl_easy_strerror", &c.easy_strerror) &&
              Load(lib, "curl_easy_escape", &c.easy_escape) &&
              Load(lib, "curl_free", &c.free) &&
              Load(lib, "curl_slist_append", &c.slist_append) &&
              Load(lib, "curl_slist_free_all", &c.slist_free_all);
    if (!ok) {
      c.error = "libcurl.so.4 lacks a function newsgraph needs";
      return c;
    }
    c.global_init(CURL_GLOBAL_DEFAULT);
    return c;
  }();
  return api;
}

size_t Collect(char* data, size_t size, size_t n, void* out) {
  static_cast<std::string*>(out)->append(data, size * n);
  return size * n;
}

std::string Escape(CURL* curl, const std::string& s) {
  char* e = Api().easy_escape(curl, s.c_str(), static_cast<int>(s.size()));
  std::string out = e ? e : "";
  Api().free(e);
  return out;
}

}  // namespace

GraphPusher::GraphPusher(PushOptions options) : options_(std::move(options)) {
  if (Api().error.empty()) curl_ = Api().easy_init();
  if (const char* u = std::getenv("NEWSGRAPH_PUSH_USER")) user_ = u;
  if (const char* p = std::getenv("NEWSGRAPH_PUSH_PASSWORD")) password_ = p;
}

GraphPusher::~GraphPusher() {
  if (curl_) Api().easy_cleanup(static_cast<CURL*>(curl_));
}

// One HTTP request with retries; "" on a 2xx answer.
std::string GraphPusher::Request(const std::string& method,
                                 const std::string& url,
                                 const std::string& content_type,
                                 const std::string& body) {
  const Curl& api = Api();
  if (!api.error.empty()) return api.error;
  CURL* curl = static_cast<CURL*>(curl_);
  if (!curl) return "curl_easy_init failed";
  std::string error;
  int delay = options_.backoff_ms;
  for (int attempt = 0; attempt <= options_.retries; ++attempt) {
    if (attempt > 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(delay));
      delay *= 2;
    }
    api.easy_reset(curl);
    std::string answer;
    curl_slist* headers = api.slist_append(nullptr, ("Content-Type: " + content_type).c_str());
    api.easy_setopt(curl, CURLOPT_URL, url.c_str());
    api.easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.c_str());
    api.easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    api.easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
    api.easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    api.easy_setopt(curl, CURLOPT_TIMEOUT, options_.timeout_seconds);
    api.easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
    api.easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    api.easy_setopt(curl, CURLOPT_WRITEFUNCTION, Collect);
    api.easy_setopt(curl, CURLOPT_WRITEDATA, &answer);
    if (!user_.empty()) {
      api.easy_setopt(curl, CURLOPT_HTTPAUTH, CURLAUTH_ANY);
      api.easy_setopt(curl, CURLOPT_USERNAME, user_.c_str());
      api.easy_setopt(curl, CURLOPT_PASSWORD, password_.c_str());
    } else {
      api.easy_setopt(curl, CURLOPT_NETRC, static_cast<long>(CURL_NETRC_OPTIONAL));
      api.easy_setopt(curl, CURLOPT_HTTPAUTH, CURLAUTH_ANY);
    }
    CURLcode rc = api.easy_perform(curl);
    api.slist_free_all(headers);
    if (rc != CURLE_OK) {
      error = api.easy_strerror(rc);
      continue;  // connection problems are retried
    }
    long status = 0;
    api.easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    if (status >= 200 && status < 300) return "";
    std::string snippet = answer.substr(0, 200);
    for (char& c : snippet)
      if (c == '\n' || c == '\r') c = ' ';
    error = "HTTP " + std::to_string(status) + (snippet.empty() ? "" : ": " + snippet);
    if (status < 500) return error;  // the request itself is wrong: no retry
  }
  return error;
}

std::string GraphPusher::Push(const std::string& graph_iri,
                              const std::string& ntriples) {
  return PushBatch({{graph_iri, ntriples}});
}

std::string GraphPusher::PushBatch(
    const std::vector<std::pair<std::string, std::string>>& graphs) {
  if (!Api().error.empty()) return Api().error;
  CURL* curl = static_cast<CURL*>(curl_);
  if (!curl) return "curl_easy_init failed";
  if (options_.protocol == PushOptions::Protocol::kGraphStore) {
    std::string sep = options_.url.find('?') == std::string::npos ? "?" : "&";
    for (const auto& [iri, nt] : graphs) {
      std::string url = options_.url + sep + options_.graph_param + "=" + Escape(curl, iri);
      std::string error = Request("PUT", url, "application/n-triples", nt);
      if (!error.empty()) return error;
    }
    return "";
  }
  // SPARQL Update: drop the graphs, then insert them in chunks.
  std::string drop;
  for (const auto& [iri, nt] : graphs)
    drop += (drop.empty() ? "" : " ;\n") + std::string("DROP SILENT GRAPH <") + iri + ">";
  std::string error = Request("POST", options_.url, "application/sparql-update", drop);
  if (!error.empty()) return error;
  std::string body;
  size_t count = 0;
  auto flush = [&]() {
    if (body.empty()) return std::string();
    std::string e = Request("POST", options_.url, "application/sparql-update",
                            "INSERT DATA {\n" + body + "}");
    body.clear();
    count = 0;
    return e;
  };
  for (const auto& [iri, nt] : graphs) {
    size_t pos = 0;
    while (pos < nt.size()) {
      std::string chunk;
      while (pos < nt.size() && count < options_.max_statements) {
        size_t eol = nt.find('\n', pos);
        if (eol == std::string::npos) eol = nt.size();
        chunk.append(nt, pos, eol - pos);
        chunk.push_back('\n');
        pos = eol + 1;
        ++count;
      }
      if (!chunk.empty()) body += "GRAPH <" + iri + "> {\n" + chunk + "}\n";
      if (count >= options_.max_statements && !(error = flush()).empty()) return error;
    }
  }
  return flush();
}

}  // namespace newsgraph
