#pragma once
// The boundary between PdfWriter (pdf_writer.h, in the executable) and the module that draws with pango and cairo
// (groundwork-pdf.so, runtime/modules/pdf_module.cpp; see runtime/platform/optional_module.h). PdfWriter forwards
// every call to a PdfBackend the module made; each method means what PdfWriter's of the same name says.
#include <memory>
#include <string>
#include <vector>

#include "runtime/export/pdf_writer.h"

namespace gw {

class PdfBackend {
public:
    virtual ~PdfBackend() = default;
    virtual void title(const std::string& text, const std::string& subtitle) = 0;
    virtual void heading(int level, const std::vector<Span>& spans) = 0;
    virtual void paragraph(const std::vector<Span>& spans) = 0;
    virtual void plain_text(const std::string& text) = 0;
    virtual void code(const std::string& text) = 0;
    virtual void begin_item(const std::string& marker) = 0;
    virtual void end_item() = 0;
    virtual void begin_box(PdfBox kind, const std::string& box_title) = 0;
    virtual void end_box() = 0;
    virtual void table(const std::vector<std::vector<std::vector<Span>>>& rows,
                       const std::vector<ColumnAlign>& align) = 0;
    virtual void rule() = 0;
    virtual void page_break() = 0;
    virtual std::string finish(std::string* error) = 0;
    virtual int page_count() const = 0;
    virtual const std::vector<PdfTextLine>& lines() const = 0;
};

// What groundwork_module_pdf() returns.
struct PdfModule {
    std::unique_ptr<PdfBackend> (*make_writer)(const std::string& title, const std::string& footer, PdfPageSize size);
};

}  // namespace gw
