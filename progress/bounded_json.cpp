#include "progress/bounded_json.h"

#include <utility>
#include <vector>

namespace gw {

namespace {

using nlohmann::json;

// nlohmann's own DOM builder, plus a depth check in start_object/start_array. Returning false stops the parser at
// once, so nothing deeper than the limit is ever built. Errors are recorded instead of thrown.
class BoundedDomBuilder {
public:
    BoundedDomBuilder(json& root, std::size_t max_depth) : root_(root), max_depth_(max_depth) {}

    bool null() { return add(nullptr); }
    bool boolean(bool v) { return add(v); }
    bool number_integer(json::number_integer_t v) { return add(v); }
    bool number_unsigned(json::number_unsigned_t v) { return add(v); }
    bool number_float(json::number_float_t v, const json::string_t&) { return add(v); }
    bool string(json::string_t& v) { return add(std::move(v)); }
    bool binary(json::binary_t& v) {  // never from JSON text; the SAX interface requires it
        json j = json::binary({});
        j.get_binary() = std::move(v);
        return add(std::move(j));
    }
    bool start_object(std::size_t) { return open(json::object()); }
    bool key(json::string_t& k) {
        key_ = std::move(k);
        return true;
    }
    bool end_object() { return close(); }
    bool start_array(std::size_t) { return open(json::array()); }
    bool end_array() { return close(); }
    bool parse_error(std::size_t position, const std::string& token, const json::exception& e) {
        error_byte = position;
        error_token = token;
        number_overflow = e.id == 406;  // a well-formed number beyond a double, such as 1e400
        return false;
    }

    // What stopped the parse, when it stopped.
    bool too_deep = false;
    bool number_overflow = false;
    std::size_t error_byte = 0;
    std::string error_token;

private:
    json& root_;
    std::size_t max_depth_;
    std::vector<json*> open_;  // the containers being filled, outermost first
    json::string_t key_;

    json* place(json&& v) {
        if (open_.empty()) {
            root_ = std::move(v);
            return &root_;
        }
        json& parent = *open_.back();
        if (parent.is_array()) {
            parent.push_back(std::move(v));
            return &parent.back();
        }
        json& slot = parent[key_];  // a repeated key keeps the last value, as nlohmann's own parser does
        slot = std::move(v);
        return &slot;
    }
    bool add(json&& v) {
        place(std::move(v));
        return true;
    }
    bool open(json&& container) {
        if (open_.size() >= max_depth_) return !(too_deep = true);
        open_.push_back(place(std::move(container)));
        return true;
    }
    bool close() {
        open_.pop_back();
        return true;
    }
};

}  // namespace

bool parse_json_bounded(const std::string& text, std::size_t max_depth, json* out, std::string* error) {
    json root;
    BoundedDomBuilder builder(root, max_depth);
    bool ok = false;
    try {
        ok = json::sax_parse(text, &builder);
    } catch (const json::exception& e) {  // the SAX path reports through parse_error; this is for anything else
        *error = std::string("not valid JSON: ") + e.what();
        return false;
    }
    if (ok) {
        *out = std::move(root);
        return true;
    }
    if (builder.too_deep) {
        *error = "lists and objects nested more than " + std::to_string(max_depth) +
                 " levels deep (Groundwork reads at most " + std::to_string(max_depth) + " levels)";
    } else if (builder.number_overflow) {
        *error = "the number " + builder.error_token + " at byte " + std::to_string(builder.error_byte) +
                 " is too large to store (JSON numbers must be finite)";
    } else if (builder.error_byte >= text.size()) {
        // The byte offset tells whether the file was cut short (at the end) or damaged in the middle.
        *error = "not valid JSON: it ends too early, as if cut short after " + std::to_string(text.size()) + " bytes";
    } else {
        *error = "not valid JSON at byte " + std::to_string(builder.error_byte) + " of " + std::to_string(text.size());
    }
    return false;
}

}  // namespace gw
