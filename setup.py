"""Packaging for flare_nb: every field comes from settings.ini, the one place nbdev 2 keeps them."""
from configparser import ConfigParser
from pathlib import Path

import setuptools

here = Path(__file__).parent
cfg = ConfigParser(delimiters=["="])
cfg.read(here / "settings.ini", encoding="utf-8")
c = cfg["DEFAULT"]

licenses = {"apache2": ("Apache Software License 2.0", "OSI Approved :: Apache Software License")}
statuses = ["1 - Planning", "2 - Pre-Alpha", "3 - Alpha", "4 - Beta", "5 - Production/Stable"]
lic = licenses[c["license"]]
readme = here / "README.md"

setuptools.setup(
    name=c["lib_name"].replace("_", "-"),
    version=c["version"],
    description=c["description"],
    long_description=readme.read_text(encoding="utf-8") if readme.exists() else c["description"],
    long_description_content_type="text/markdown",
    author=c["author"],
    author_email=c["author_email"],
    license=lic[0],
    url=c["git_url"],
    project_urls={"Documentation": c["doc_host"] + c["doc_baseurl"], "Source": c["git_url"]},
    keywords=c["keywords"].split(),
    classifiers=[
        "Development Status :: " + statuses[int(c["status"]) - 1],
        "Intended Audience :: " + c["audience"],
        "License :: " + lic[1],
        "Natural Language :: " + c["language"],
        "Programming Language :: Python :: 3",
        "Topic :: Scientific/Engineering :: Astronomy",
        "Topic :: Scientific/Engineering :: Artificial Intelligence",
    ],
    packages=setuptools.find_packages(include=[c["lib_name"], c["lib_name"] + ".*"]),
    include_package_data=True,
    package_data={c["lib_name"]: ["data/**/*"]},
    python_requires=">=" + c["min_python"],
    install_requires=c["requirements"].split(),
    extras_require={"dev": c["dev_requirements"].split()},
    entry_points={
        "console_scripts": c["console_scripts"].split(),
        "nbdev": [f"{c['lib_name']}={c['lib_name']}._modidx:d"],
    },
    zip_safe=False,
)
