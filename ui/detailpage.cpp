#include "ui/detailpage.h"

DetailPage::DetailPage(QWidget *parent)
    : QWidget(parent)
{ }

DetailPage::~DetailPage() = default;

void DetailPage::exportTo(const QString &path, ExportFormat format, std::function<void(const QString &)> done)
{
    Q_UNUSED(path)
    Q_UNUSED(format)
    done(tr("This page has nothing to export."));
}
