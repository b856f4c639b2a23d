// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class SecretCustody;

// Adds a provider account: provider kind, display name, base URL, the admin credential
// (masked, with an explicit reveal) and an optional CA file. The credential goes only to the
// keychain, through SecretCustody; the dialog stays open with a specific message if that fails.
class AccountDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountDialog)

public:
    explicit AccountDialog(SecretCustody *custody, QWidget *parent = nullptr);
    ~AccountDialog() override;

    void accept() override;

private:
    QString validationError() const;
    void updateSaveButton();
    void setBusy(bool busy);

    SecretCustody *m_custody;
    QComboBox *m_providerCombo;
    QLineEdit *m_nameEdit;
    QLineEdit *m_baseUrlEdit;
    QLineEdit *m_credentialEdit;
    QLineEdit *m_caFileEdit;
    QLabel *m_messageLabel;
    QDialogButtonBox *m_buttons;
};
