from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class AccountsConfig(AppConfig):
    name = "toolkit.accounts"
    label = "accounts"
    verbose_name = "Accounts and roles"
    default = True


class AdminConfig(admin_apps.AdminConfig):
    """Django's admin on the toolkit's site (toolkit.accounts.admin_site)."""

    default = False
    default_site = "toolkit.accounts.admin_site.AdminSite"
