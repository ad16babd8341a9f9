from django.apps import AppConfig


class MailConfig(AppConfig):
    name = "toolkit.mail"
    label = "mail"
    verbose_name = "Outgoing e-mail"
