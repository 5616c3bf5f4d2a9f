#include "ui/fieldproblemlabel.h"

FieldProblemLabel::FieldProblemLabel(const QString &objectName, QWidget *parent)
    : QLabel(parent)
{
    setObjectName(objectName);
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Dark red reads as "wrong" on light and dark palettes alike, and stays legible on both.
    setStyleSheet(QStringLiteral("color: #c62828;"));
    setVisible(false);
}

FieldProblemLabel::~FieldProblemLabel() = default;

void FieldProblemLabel::setProblem(const QString &problem)
{
    setText(problem);
    setVisible(!problem.isEmpty());
}
