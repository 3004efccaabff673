"""docker/ (no Docker engine here): the compose file's structure, the image's rules, and that the containers
run exactly the commands the multi-process test runs."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from bot.settings import Settings
from bot.voice.synth import Voice
from tests.e2e.test_workers import ROLE_COMMANDS

DOCKER = Path(__file__).resolve().parents[2] / "docker"
ROOT = DOCKER.parent


def compose() -> dict:
    return yaml.safe_load((DOCKER / "compose.yaml").read_text(encoding="utf-8"))


def services_running(role: str) -> list[str]:
    return [name for name, service in compose()["services"].items()
            if service.get("command") == ["criw", *ROLE_COMMANDS[role]]]


def test_compose_has_postgresql_a_migration_two_workers_one_scheduler_and_a_proxy():
    services = compose()["services"]
    assert services["postgres"]["image"].startswith("postgres:")
    assert services_running("migrate") == ["migrate"]
    assert len(services_running("worker")) == 2
    assert services_running("scheduler") == ["scheduler"]  # exactly one
    assert "443:443" in services["proxy"]["ports"]
    assert set(compose()["volumes"]) >= {"postgres-data"}


def test_every_criw_container_uses_postgresql_and_starts_after_the_migration():
    services = compose()["services"]
    for name in services_running("worker") + services_running("scheduler"):
        service = services[name]
        assert service["environment"]["CRIW_DATABASE_URL"].startswith("postgresql+asyncpg://"), name
        assert service["depends_on"] == {"migrate": {"condition": "service_completed_successfully"}}, name
        assert service["build"] == {"context": "..", "dockerfile": "docker/Dockerfile"}, name
    assert services["migrate"]["depends_on"] == {"postgres": {"condition": "service_healthy"}}
    assert services["migrate"]["restart"] == "no"


def test_the_settings_compose_and_the_example_give_are_settings_criw_knows():
    known = {f"CRIW_{name.upper()}" for name in Settings.model_fields}
    worker = compose()["services"][services_running("worker")[0]]
    example = [line.split("=", 1)[0] for line in (DOCKER / "example.env").read_text().splitlines()
               if line and not line.startswith("#")]
    named = set(worker["environment"]) | {key for key in example if key.startswith("CRIW_") and key != "CRIW_DOMAIN"}
    assert named <= known
    assert {"CRIW_BOT_TOKEN", "CRIW_WEBHOOK_URL", "CRIW_WEBHOOK_SECRET"} <= set(example)


def test_the_proxy_spreads_over_every_worker_and_checks_their_health():
    caddyfile = (DOCKER / "Caddyfile").read_text()
    upstreams = re.search(r"reverse_proxy ([^{]+)\{", caddyfile)
    assert upstreams is not None
    assert sorted(upstreams.group(1).split()) == sorted(f"{name}:8080" for name in services_running("worker"))
    assert "health_uri /healthz" in caddyfile


def test_the_image_is_slim_runs_as_a_user_checks_the_catalogs_and_its_health():
    dockerfile = (DOCKER / "Dockerfile").read_text()
    assert re.search(r"^FROM python:3\.11-slim$", dockerfile, re.MULTILINE)
    users = re.findall(r"^USER (\S+)$", dockerfile, re.MULTILINE)
    assert users and users[-1] not in ("root", "0")
    assert "python -m bot.i18n.checks" in dockerfile
    assert re.search(r"^HEALTHCHECK .*\n.*/healthz", dockerfile, re.MULTILINE)
    for source in re.findall(r"^COPY (\S+) ", dockerfile, re.MULTILINE):
        assert (ROOT / source).exists(), source


def test_docker_compose_itself_accepts_the_file_where_it_is_installed(tmp_path):
    """`docker compose config` (or the older `docker-compose`, which predates the top-level `name`)."""
    if shutil.which("docker") and subprocess.run(["docker", "compose", "version"], capture_output=True).returncode == 0:
        command, text = ["docker", "compose"], (DOCKER / "compose.yaml").read_text()
    elif shutil.which("docker-compose"):
        command = ["docker-compose"]
        text = re.sub(r"^name: .*\n", "", (DOCKER / "compose.yaml").read_text(), flags=re.MULTILINE)
    else:
        pytest.skip("no docker compose here: the structure tests above still ran")
    for name in ("Caddyfile", "Dockerfile"):
        shutil.copy(DOCKER / name, tmp_path / name)
    (tmp_path / "compose.yaml").write_text(text)
    shutil.copy(DOCKER / "example.env", tmp_path / ".env")
    result = subprocess.run([*command, "-f", str(tmp_path / "compose.yaml"), "config", "--quiet"],
                            capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr


def test_the_image_installs_what_voice_notes_need():
    """🔊 Listen appears only where espeak-ng and opusenc are on PATH (bot/voice/synth.py)."""
    dockerfile = (DOCKER / "Dockerfile").read_text()
    installs = re.findall(r"apt-get install -y --no-install-recommends((?:[ \\\n]+[a-z0-9.+-]+)+)", dockerfile)
    packages = {name for found in installs for name in re.split(r"[\s\\]+", found) if name}
    assert {"espeak-ng", "opus-tools"} <= packages
    assert "rm -rf /var/lib/apt/lists/*" in dockerfile  # the slim image stays slim
    voice = Voice.at("/tmp")
    assert (voice.espeak, voice.encoder) == ("espeak-ng", "opusenc")  # the programs those packages provide
