#include "runtime/export/pdf_writer.h"

#include "progress/atomic_file.h"
#include "runtime/export/pdf_backend.h"
#include "runtime/platform/optional_module.h"

namespace gw {

PdfWriter::PdfWriter(const std::string& title, const std::string& footer, PdfPageSize size) {
    const PdfModule* module = optional_module<PdfModule>("pdf", &load_error_);
    if (module) backend_ = module->make_writer(title, footer, size);
    else load_error_ = "PDF export is not available: " + load_error_;
}

PdfWriter::~PdfWriter() = default;

void PdfWriter::title(const std::string& text, const std::string& subtitle) {
    if (backend_) backend_->title(text, subtitle);
}
void PdfWriter::heading(int level, const std::vector<Span>& spans) {
    if (backend_) backend_->heading(level, spans);
}
void PdfWriter::paragraph(const std::vector<Span>& spans) {
    if (backend_) backend_->paragraph(spans);
}
void PdfWriter::plain_text(const std::string& text) {
    if (backend_) backend_->plain_text(text);
}
void PdfWriter::code(const std::string& text) {
    if (backend_) backend_->code(text);
}
void PdfWriter::begin_item(const std::string& marker) {
    if (backend_) backend_->begin_item(marker);
}
void PdfWriter::end_item() {
    if (backend_) backend_->end_item();
}
void PdfWriter::begin_box(PdfBox kind, const std::string& box_title) {
    if (backend_) backend_->begin_box(kind, box_title);
}
void PdfWriter::end_box() {
    if (backend_) backend_->end_box();
}
void PdfWriter::table(const std::vector<std::vector<std::vector<Span>>>& rows, const std::vector<ColumnAlign>& align) {
    if (backend_) backend_->table(rows, align);
}
void PdfWriter::rule() {
    if (backend_) backend_->rule();
}
void PdfWriter::page_break() {
    if (backend_) backend_->page_break();
}

std::string PdfWriter::finish(std::string* error) {
    if (backend_) return backend_->finish(error);
    if (error) *error = load_error_;
    return "";
}

int PdfWriter::page_count() const { return backend_ ? backend_->page_count() : 1; }

const std::vector<PdfTextLine>& PdfWriter::lines() const {
    static const std::vector<PdfTextLine> kNone;
    return backend_ ? backend_->lines() : kNone;
}

bool write_pdf_file(const std::string& file, const std::string& pdf, std::string* error) {
    return write_file_atomic(file, pdf, error);
}

}  // namespace gw
