#include "containers/ids.h"

#include <sys/random.h>

#include <array>
#include <cstdint>

namespace berth::containers {
namespace {

void fill_random(void *buf, std::size_t len) {
    auto *p = static_cast<unsigned char *>(buf);
    while (len > 0) {
        ssize_t n = getrandom(p, len, 0);
        if (n <= 0) continue;  // EINTR; getrandom never fails otherwise once seeded
        p += n;
        len -= static_cast<std::size_t>(n);
    }
}

std::uint32_t random_below(std::uint32_t n) {
    std::uint32_t v = 0;
    fill_random(&v, sizeof v);
    return v % n;
}

constexpr std::array kAdjectives = {
    "admiring", "affectionate", "agitated", "amazing", "angry", "awesome", "beautiful",
    "blissful", "bold", "brave", "busy", "charming", "clever", "compassionate", "competent",
    "confident", "cool", "cranky", "crazy", "dazzling", "determined", "distracted", "dreamy",
    "eager", "ecstatic", "elastic", "elated", "elegant", "eloquent", "epic", "exciting",
    "fervent", "festive", "flamboyant", "focused", "friendly", "frosty", "funny", "gallant",
    "gifted", "goofy", "gracious", "great", "happy", "hardcore", "heuristic", "hopeful",
    "hungry", "infallible", "inspiring", "intelligent", "interesting", "jolly", "jovial",
    "keen", "kind", "laughing", "loving", "lucid", "magical", "modest", "musing", "mystifying",
    "naughty", "nervous", "nice", "nifty", "nostalgic", "objective", "optimistic", "peaceful",
    "pedantic", "pensive", "practical", "priceless", "quirky", "quizzical", "relaxed",
    "reverent", "romantic", "sad", "serene", "sharp", "silly", "sleepy", "stoic", "strange",
    "stupefied", "suspicious", "sweet", "tender", "thirsty", "trusting", "upbeat", "vibrant",
    "vigilant", "vigorous", "wizardly", "wonderful", "xenodochial", "youthful", "zealous",
    "zen"};

constexpr std::array kSurnames = {
    "agnesi", "albattani", "allen", "archimedes", "babbage", "banach", "bardeen", "bartik",
    "bell", "bhabha", "blackwell", "bohr", "boole", "booth", "borg", "bose", "brahmagupta",
    "brattain", "brown", "burnell", "cannon", "carson", "cerf", "chandrasekhar", "chatelet",
    "curie", "darwin", "davinci", "dijkstra", "einstein", "elion", "engelbart", "euclid",
    "euler", "faraday", "fermat", "fermi", "feynman", "franklin", "galileo", "gauss",
    "goldberg", "goodall", "hamilton", "hawking", "heisenberg", "hellman", "hermann",
    "hertz", "hodgkin", "hopper", "hypatia", "jackson", "jang", "johnson", "kalam", "kepler",
    "khorana", "knuth", "kowalevski", "lalande", "lamarr", "lamport", "leakey", "leavitt",
    "lovelace", "lumiere", "mayer", "mccarthy", "mcclintock", "meitner", "mendel",
    "merkle", "mirzakhani", "montalcini", "morse", "napier", "nash", "newton", "nobel",
    "noether", "pasteur", "payne", "perlman", "pike", "poincare", "ptolemy", "raman",
    "ramanujan", "ride", "ritchie", "rosalind", "shannon", "shockley", "sinoussi",
    "stonebraker", "swanson", "tesla", "thompson", "torvalds", "turing", "varahamihira",
    "volhard", "wescoff", "wiles", "williams", "wilson", "wozniak", "wright", "yalow",
    "yonath"};

bool name_char_ok(char c, bool first) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
    return !first && (c == '_' || c == '.' || c == '-');
}

}  // namespace

std::string generate_id() {
    static constexpr char kHex[] = "0123456789abcdef";
    for (;;) {
        std::array<unsigned char, 32> raw{};
        fill_random(raw.data(), raw.size());
        std::string id;
        id.reserve(64);
        for (unsigned char b : raw) {
            id += kHex[b >> 4];
            id += kHex[b & 15];
        }
        if (id.substr(0, 12).find_first_not_of("0123456789") != std::string::npos) return id;
    }
}

std::string generate_name() {
    return std::string(kAdjectives[random_below(kAdjectives.size())]) + "_" +
           kSurnames[random_below(kSurnames.size())];
}

Result<std::string> normalize_name(std::string_view name) {
    std::string_view bare = name;
    if (!bare.empty() && bare.front() == '/') bare.remove_prefix(1);
    bool ok = bare.size() >= 2;
    for (std::size_t i = 0; ok && i < bare.size(); ++i) ok = name_char_ok(bare[i], i == 0);
    if (!ok)
        return Error::invalid("Invalid container name (" + std::string(name) +
                              "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
    return "/" + std::string(bare);
}

}  // namespace berth::containers
