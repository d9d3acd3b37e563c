// Checks an SVG file that `flopcast sweep --svg FILE` wrote.
//
//   flopcast_cli_svg_check FILE NAME...
//
// The file must be well-formed XML (one root element, <svg> with width, height and viewBox; every
// tag closed in order; attribute values quoted; only the five predefined entities and numeric
// character references) and hold each NAME as the text of some element (a series in the legend).
// A minimal reader, strict about what the writer emits: no DTD, no CDATA, no processing
// instructions but the XML declaration.
#include <cstddef>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

struct xml_checker {
  explicit xml_checker(const std::string& text) : s(text) {}
  const std::string& s;
  std::size_t i = 0;
  std::vector<std::string> open;
  std::set<std::string> texts;
  int roots = 0;
  std::string root_tag;

  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error(what + " at byte " + std::to_string(i));
  }

  static bool name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '_' || c == ':' || c == '.';
  }

  std::string name() {
    const std::size_t start = i;
    while (i < s.size() && name_char(s[i])) ++i;
    if (i == start) fail("expected a name");
    return s.substr(start, i - start);
  }

  void spaces() {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) ++i;
  }

  // Text or an attribute value up to `end`, with its references decoded.
  std::string text_until(char end) {
    std::string out;
    while (i < s.size() && s[i] != end) {
      if (s[i] == '<' && end != '<') fail("'<' inside an attribute value");
      if (s[i] == '&') {
        const std::size_t semi = s.find(';', i);
        if (semi == std::string::npos || semi - i > 10) fail("unterminated reference");
        const std::string ref = s.substr(i + 1, semi - i - 1);
        if (ref == "amp") out += '&';
        else if (ref == "lt") out += '<';
        else if (ref == "gt") out += '>';
        else if (ref == "quot") out += '"';
        else if (ref == "apos") out += '\'';
        else if (ref.size() > 1 && ref[0] == '#') out += '?';  // a character reference
        else fail("unknown entity '&" + ref + ";'");
        i = semi + 1;
        continue;
      }
      out += s[i++];
    }
    return out;
  }

  void element() {
    ++i;  // '<'
    const std::string tag = name();
    std::set<std::string> attributes;
    while (true) {
      spaces();
      if (i >= s.size()) fail("unterminated tag <" + tag + ">");
      if (s[i] == '/' || s[i] == '>') break;
      const std::string attribute = name();
      if (!attributes.insert(attribute).second) fail("duplicate attribute " + attribute);
      spaces();
      if (i >= s.size() || s[i] != '=') fail("attribute " + attribute + " without a value");
      ++i;
      spaces();
      if (i >= s.size() || (s[i] != '"' && s[i] != '\'')) fail("unquoted value of " + attribute);
      const char quote = s[i++];
      text_until(quote);
      if (i >= s.size()) fail("unterminated value of " + attribute);
      ++i;
    }
    if (open.empty()) {
      ++roots;
      root_tag = tag;
      if (tag == "svg") {
        for (const char* need : {"width", "height", "viewBox"}) {
          if (attributes.count(need) == 0) fail(std::string("<svg> without ") + need);
        }
      }
    }
    if (s[i] == '/') {
      if (i + 1 >= s.size() || s[i + 1] != '>') fail("bad empty-element tag");
      i += 2;
      return;
    }
    ++i;  // '>'
    open.push_back(tag);
  }

  void check() {
    if (s.compare(0, 5, "<?xml") == 0) {
      i = s.find("?>");
      if (i == std::string::npos) fail("unterminated XML declaration");
      i += 2;
    }
    while (i < s.size()) {
      if (s[i] == '<') {
        if (s.compare(i, 4, "<!--") == 0) {
          const std::size_t end = s.find("-->", i);
          if (end == std::string::npos) fail("unterminated comment");
          i = end + 3;
        } else if (s.compare(i, 2, "</") == 0) {
          i += 2;
          const std::string tag = name();
          spaces();
          if (i >= s.size() || s[i] != '>') fail("bad closing tag");
          ++i;
          if (open.empty() || open.back() != tag) fail("</" + tag + "> closes nothing open");
          open.pop_back();
        } else if (s.compare(i, 2, "<!") == 0 || s.compare(i, 2, "<?") == 0) {
          fail("unexpected markup declaration");
        } else {
          element();
        }
        continue;
      }
      const std::string t = text_until('<');
      const bool blank = t.find_first_not_of(" \n\t\r") == std::string::npos;
      if (!blank) {
        if (open.empty()) fail("text outside the root element");
        texts.insert(t);
      }
    }
    if (!open.empty()) fail("<" + open.back() + "> is never closed");
    if (roots != 1 || root_tag != "svg") fail("the document must have one <svg> root");
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: flopcast_cli_svg_check FILE [NAME...]\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "cannot read " << argv[1] << '\n';
    return 2;
  }
  std::ostringstream text;
  text << in.rdbuf();
  const std::string svg = text.str();
  xml_checker c(svg);
  try {
    c.check();
  } catch (const std::exception& e) {
    std::cout << "FAIL not well-formed: " << e.what() << '\n';
    return 1;
  }
  int failures = 0;
  for (int k = 2; k < argc; ++k) {
    bool found = false;
    for (const std::string& t : c.texts) found = found || t.find(argv[k]) != std::string::npos;
    if (!found) {
      std::cout << "FAIL no text holds '" << argv[k] << "'\n";
      ++failures;
    }
  }
  if (failures > 0) return 1;
  std::cout << "well-formed SVG with " << argc - 2 << " expected name(s)\n";
  return 0;
}
