"""Media on S3-compatible storage with the production settings, against moto's fake S3: a
file of the same name never replaces another editor's file."""

from __future__ import annotations

import pytest

moto = pytest.importorskip("moto")
boto3 = pytest.importorskip("boto3")

from django.core.files.base import ContentFile  # noqa: E402
from django.utils.module_loading import import_string  # noqa: E402

from tests.production.settings import environment, production_settings  # noqa: E402

BUCKET = "portail-medias"


@pytest.fixture
def s3():
    # Fake credentials, never real ones: moto intercepts every call in this process.
    with environment(AWS_ACCESS_KEY_ID="test", AWS_SECRET_ACCESS_KEY="test",
                     AWS_DEFAULT_REGION="eu-west-3"), moto.mock_aws():
        client = boto3.client("s3", region_name="eu-west-3")
        client.create_bucket(Bucket=BUCKET,
                             CreateBucketConfiguration={"LocationConstraint": "eu-west-3"})
        yield client


def storage_from_settings(**env):
    config = production_settings(**env)["STORAGES"]["default"]
    return import_string(config["BACKEND"])(**config.get("OPTIONS", {}))


def test_without_a_bucket_media_stay_on_the_local_disk():
    assert production_settings()["STORAGES"]["default"]["BACKEND"] == (
        "django.core.files.storage.FileSystemStorage")


def test_a_second_file_of_the_same_name_gets_its_own_name(s3):
    storage = storage_from_settings(AWS_STORAGE_BUCKET_NAME=BUCKET, AWS_S3_REGION_NAME="eu-west-3",
                                    AWS_LOCATION="medias")
    first = storage.save("documents/rapport.pdf", ContentFile(b"first"))
    second = storage.save("documents/rapport.pdf", ContentFile(b"second"))
    assert first == "documents/rapport.pdf" and second != first
    keys = {item["Key"] for item in s3.list_objects_v2(Bucket=BUCKET)["Contents"]}
    assert keys == {f"medias/{first}", f"medias/{second}"}
    assert s3.get_object(Bucket=BUCKET, Key=f"medias/{first}")["Body"].read() == b"first"
    # Public, unsigned URLs for the images (documents are served through Django's view).
    assert "X-Amz-Signature" not in storage.url(first)


def test_the_media_origin_is_allowed_by_the_content_security_policy():
    values = production_settings(AWS_STORAGE_BUCKET_NAME=BUCKET,
                                 AWS_S3_CUSTOM_DOMAIN="medias.example.gouv.fr")
    img_src = values["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["img-src"]
    assert "https://medias.example.gouv.fr" in img_src
    # The base settings' policy is left as it was.
    from example_site.settings import base

    assert "https://medias.example.gouv.fr" not in base.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"]
