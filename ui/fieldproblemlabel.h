#pragma once

#include <QLabel>

// The reason a field's value is wrong, shown right next to the field (the onboarding wizard's
// pages): hidden while there is none, in the palette's warning tone when there is.
class FieldProblemLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FieldProblemLabel)

public:
    explicit FieldProblemLabel(const QString &objectName, QWidget *parent = nullptr);
    ~FieldProblemLabel() override;

    // Shows `problem`; an empty string hides the label.
    void setProblem(const QString &problem);
    [[nodiscard]] QString problem() const { return text(); }
};
