// Mupic's small enhancements. Every page works without this file; with it the upload
// shows a preview and progress, the loading page moves on by itself, links copy, songs
// play in the page, and the share card opens the share sheet.
"use strict";

(function () {
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (match, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : match;
    });
  }

  // Home: preview, drag and drop, the genre limit, and an upload with progress.
  function initUpload(form) {
    var data = form.dataset;
    var maxGenres = parseInt(data.maxGenres, 10) || 3;
    var maxBytes = parseInt(data.maxBytes, 10) || 20000000;
    var input = form.querySelector("#photo");
    var dropzone = form.querySelector("#dropzone");
    var preview = form.querySelector("#preview");
    var previewImage = form.querySelector("#preview-image");
    var previewName = form.querySelector("#preview-name");
    var errorBox = form.querySelector("#form-error");
    var genreMessage = form.querySelector("#genre-message");
    var button = form.querySelector("#play");
    var progress = form.querySelector("#upload-progress");
    var progressBar = form.querySelector("#upload-progress-bar");
    var progressText = form.querySelector("#upload-progress-text");
    var boxes = Array.prototype.slice.call(form.querySelectorAll('input[name="genres"]'));
    var previewURL = null;

    function showError(message) {
      errorBox.textContent = message;
      errorBox.hidden = !message;
      if (message) errorBox.scrollIntoView({ block: "nearest", behavior: "smooth" });
    }

    function chosenCount() {
      return boxes.filter(function (box) { return box.checked; }).length;
    }

    function updateGenreMessage(refused) {
      genreMessage.classList.toggle("error", Boolean(refused));
      genreMessage.textContent = refused
        ? fill(data.msgTooManyGenres, { max: maxGenres })
        : chosenCount() > 0 ? fill(data.msgChosen, { count: chosenCount(), max: maxGenres }) : "";
    }

    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        var chip = box.closest(".chip");
        if (box.checked && chosenCount() > maxGenres) {
          box.checked = false;
          chip.classList.remove("refused");
          void chip.offsetWidth; // restart the shake animation
          chip.classList.add("refused");
          updateGenreMessage(true);
          return;
        }
        chip.classList.remove("refused");
        updateGenreMessage(false);
      });
    });
    updateGenreMessage(false);

    function photoProblem(file) {
      if (!file) return data.msgNeedPhoto;
      var looksLikeImage = /^image\//.test(file.type) || /\.(jpe?g|png|webp|heic|heif|avif)$/i.test(file.name);
      if (!looksLikeImage) return data.msgNotImage;
      if (file.size > maxBytes) return fill(data.msgTooLarge, { max: Math.round(maxBytes / 1000000) });
      return "";
    }

    function showPreview(file) {
      if (previewURL) URL.revokeObjectURL(previewURL);
      previewURL = null;
      var problem = file ? photoProblem(file) : "";
      showError(problem);
      if (!file || problem) {
        preview.hidden = true;
        dropzone.classList.remove("has-photo");
        return;
      }
      previewURL = URL.createObjectURL(file);
      previewImage.src = previewURL;
      previewName.textContent = file.name;
      preview.hidden = false;
      dropzone.classList.add("has-photo");
    }

    input.addEventListener("change", function () { showPreview(input.files[0]); });
    form.querySelector("#change-photo").addEventListener("click", function () { input.click(); });

    ["dragenter", "dragover"].forEach(function (name) {
      dropzone.addEventListener(name, function (event) {
        event.preventDefault();
        dropzone.classList.add("dragging");
      });
    });
    ["dragleave", "dragend", "drop"].forEach(function (name) {
      dropzone.addEventListener(name, function () { dropzone.classList.remove("dragging"); });
    });
    dropzone.addEventListener("drop", function (event) {
      event.preventDefault();
      var files = event.dataTransfer && event.dataTransfer.files;
      if (!files || !files.length) return;
      try {
        var transfer = new DataTransfer();
        transfer.items.add(files[0]);
        input.files = transfer.files;
      } catch (ignored) {
        // Older browsers cannot set files; the native drop on the input still works.
      }
      showPreview(files[0]);
    });

    function setBusy(busy) {
      button.disabled = busy;
      progress.hidden = !busy;
      if (!busy) progressBar.style.width = "0";
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (button.disabled) return; // a double click sends one upload
      var problem = photoProblem(input.files[0]);
      if (!problem && chosenCount() === 0) problem = data.msgNeedGenre;
      if (problem) {
        showError(problem);
        return;
      }
      showError("");
      setBusy(true);
      var request = new XMLHttpRequest();
      request.open("POST", "/api/recommendations");
      request.responseType = "json";
      request.upload.addEventListener("progress", function (progressEvent) {
        if (!progressEvent.lengthComputable) return;
        var percent = Math.round((progressEvent.loaded / progressEvent.total) * 100);
        progressBar.style.width = percent + "%";
        progressText.textContent = fill(data.msgUploading, { percent: percent });
      });
      request.addEventListener("load", function () {
        var body = request.response || {};
        if (request.status === 202 && body.pageUrl) {
          window.location.assign(body.pageUrl);
          return;
        }
        setBusy(false);
        showError((body.error && body.error.message) || data.msgNetwork);
      });
      request.addEventListener("error", function () {
        setBusy(false);
        showError(data.msgNetwork);
      });
      request.send(new FormData(form));
    });
  }

  // Loading: poll the job and move on to the result by itself.
  function initJob(section) {
    var statusURL = section.dataset.statusUrl;
    var order = ["upload", "read", "tag", "match"];
    var errorBox = section.querySelector("#job-error");
    var retry = section.querySelector("#job-retry");
    var status = section.querySelector("#job-status");
    var delay = 700;

    if (!errorBox.hidden) return; // already failed when rendered

    function activeIndex(job) {
      if (job.state === "done") return order.length;
      if (job.stage === "tagging") return 2;
      if (job.stage === "matching") return 3;
      return 1;
    }

    function render(job) {
      var active = activeIndex(job);
      section.querySelectorAll(".stage").forEach(function (item) {
        var index = order.indexOf(item.dataset.stage);
        item.classList.toggle("done", index < active);
        item.classList.toggle("active", index === active);
        item.classList.toggle("waiting", index > active);
      });
    }

    function poll() {
      fetch(statusURL, { headers: { Accept: "application/json" }, cache: "no-store" })
        .then(function (response) {
          return response.json().then(function (body) { return { ok: response.ok, body: body }; });
        })
        .then(function (result) {
          var job = result.body;
          if (!result.ok) {
            errorBox.textContent = (job.error && job.error.message) || section.dataset.msgFailed;
            errorBox.hidden = false;
            retry.hidden = false;
            return;
          }
          render(job);
          if (job.state === "done" && job.resultUrl) {
            window.location.replace(job.resultUrl);
            return;
          }
          if (job.state === "failed") {
            errorBox.textContent = (job.error && job.error.message) || section.dataset.msgFailed;
            errorBox.hidden = false;
            retry.hidden = false;
            status.textContent = "";
            section.querySelector(".disc").classList.add("stopped");
            section.querySelectorAll(".stage.active").forEach(function (item) {
              item.classList.remove("active");
              item.classList.add("stopped");
            });
            return;
          }
          delay = 700;
          window.setTimeout(poll, delay);
        })
        .catch(function () {
          // A dropped connection: keep trying, more slowly.
          delay = Math.min(delay * 2, 5000);
          window.setTimeout(poll, delay);
        });
    }
    window.setTimeout(poll, 300);
  }

  // Result: an absolute share link and a copy button.
  function initShare(input) {
    var absolute = window.location.origin + input.dataset.sharePath;
    input.value = absolute;
    input.addEventListener("focus", function () { input.select(); });
    var button = document.getElementById("copy-share");
    if (!button || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(absolute).then(function () {
        var original = button.textContent;
        button.textContent = button.dataset.msgCopied;
        window.setTimeout(function () { button.textContent = original; }, 1800);
      });
    });
  }

  // Result: the share card goes to the phone's share sheet (Web Share with files) when the
  // browser offers it; otherwise, or when sharing is refused, the link downloads it as usual.
  function initShareCard(link) {
    if (!navigator.share || !navigator.canShare || !window.File) return;
    var status = document.getElementById("share-card-status");
    var busy = false;

    function download(blob, name) {
      var url = URL.createObjectURL(blob);
      var anchor = document.createElement("a");
      anchor.href = url;
      anchor.download = name;
      document.body.appendChild(anchor);
      anchor.click();
      anchor.remove();
      window.setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    }

    function filename(response) {
      var header = response.headers.get("Content-Disposition") || "";
      var extended = /filename\*=UTF-8''([^;]+)/i.exec(header);
      if (extended) {
        try { return decodeURIComponent(extended[1]); } catch (ignored) { /* fall through */ }
      }
      var plain = /filename="([^"]+)"/i.exec(header);
      return plain ? plain[1] : "mupic-card.png";
    }

    link.addEventListener("click", function (event) {
      event.preventDefault();
      if (busy) return;
      busy = true;
      status.textContent = link.dataset.msgPreparing;
      fetch(link.href, { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) throw new Error("card " + response.status);
          var name = filename(response);
          return response.blob().then(function (blob) { return { blob: blob, name: name }; });
        })
        .then(function (card) {
          status.textContent = "";
          var file = new File([card.blob], card.name, { type: "image/png" });
          if (!navigator.canShare({ files: [file] })) {
            download(card.blob, card.name);
            return;
          }
          return navigator.share({ files: [file], title: document.title }).catch(function (error) {
            // Dismissing the sheet is a choice; anything else (activation expired) downloads instead.
            if (!error || error.name !== "AbortError") download(card.blob, card.name);
          });
        })
        .catch(function () { status.textContent = link.dataset.msgFailed; })
        .then(function () { busy = false; });
    });
  }

  // Result: play buttons. Nothing is asked of YouTube until one is pressed; then the song's
  // video id comes from our own API (which spends quota only for songs people play) and the
  // privacy-enhanced player is added. Without a video the song's "listen on" menu opens.
  var PLAYER = "https://www.youtube-nocookie.com/embed/";

  function initListening(section) {
    var data = section.dataset;
    var items = Array.prototype.slice.call(section.querySelectorAll("li.song[data-video-url]"));
    var playAll = section.querySelector("#play-all");
    var queueSlot = section.querySelector("#queue-player");
    var queueStatus = section.querySelector("#queue-status");
    var lookups = {};
    var playing = null; // { button, slot }

    function lookup(url) {
      if (!lookups[url]) {
        lookups[url] = fetch(url, { headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : {}; })
          .catch(function () { return {}; })
          .then(function (body) {
            // A failed lookup may be tried again later; a found or missing video is settled.
            if (!body.video && !body.fallback) delete lookups[url];
            return body;
          });
      }
      return lookups[url];
    }

    function validID(id) {
      return typeof id === "string" && /^[A-Za-z0-9_-]{11}$/.test(id);
    }

    function embedURL(ids) {
      var url = PLAYER + ids[0] + "?autoplay=1&rel=0&playsinline=1";
      if (ids.length > 1) url += "&playlist=" + ids.slice(1).join(",");
      return url;
    }

    function stop() {
      if (!playing) return;
      playing.slot.textContent = "";
      playing.slot.hidden = true;
      playing.button.setAttribute("aria-pressed", "false");
      playing = null;
    }

    function play(button, slot, ids, title) {
      stop();
      var frame = document.createElement("iframe");
      frame.src = embedURL(ids);
      frame.title = title;
      frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
      frame.allowFullscreen = true;
      // Our pages send no referrer to other sites, but YouTube's player refuses to start without one.
      frame.referrerPolicy = "strict-origin-when-cross-origin";
      slot.appendChild(frame);
      slot.hidden = false;
      button.setAttribute("aria-pressed", "true");
      playing = { button: button, slot: slot };
    }

    items.forEach(function (item) {
      var button = item.querySelector(".play-song");
      var slot = item.querySelector(".player-frame");
      var status = item.querySelector(".listen-status");
      var menu = item.querySelector(".listen-menu");
      var title = item.querySelector(".song-title").textContent;
      if (!button || !slot) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        if (button.getAttribute("aria-pressed") === "true") {
          stop();
          return;
        }
        if (button.getAttribute("aria-busy") === "true") return;
        button.setAttribute("aria-busy", "true");
        status.textContent = data.msgLoading;
        lookup(item.dataset.videoUrl).then(function (body) {
          button.removeAttribute("aria-busy");
          var video = body.video;
          if (video && validID(video.id)) {
            status.textContent = "";
            play(button, slot, [video.id], fill(data.msgPlayerTitle, { title: title }));
            return;
          }
          status.textContent = body.message || data.msgUnavailable;
          if (menu) menu.open = true;
        });
      });
    });

    if (!playAll || !queueSlot || items.length === 0) return;
    playAll.hidden = false;
    playAll.addEventListener("click", function () {
      if (playAll.getAttribute("aria-pressed") === "true") {
        stop();
        queueStatus.textContent = "";
        return;
      }
      if (playAll.getAttribute("aria-busy") === "true") return;
      playAll.setAttribute("aria-busy", "true");
      queueStatus.textContent = data.msgLoading;
      Promise.all(items.map(function (item) { return lookup(item.dataset.videoUrl); })).then(function (bodies) {
        playAll.removeAttribute("aria-busy");
        var ids = bodies
          .map(function (body) { return body.video && body.video.id; })
          .filter(validID);
        if (ids.length === 0) {
          queueStatus.textContent = data.msgQueueNone;
          return;
        }
        queueStatus.textContent = ids.length < items.length
          ? fill(data.msgQueuePartial, { found: ids.length, total: items.length })
          : "";
        play(playAll, queueSlot, ids, data.msgQueueTitle);
      });
    });
  }

  // Result page: 👍 / 👎 without a reload. The form still posts by itself when scripts are off.
  function initFeedback(form) {
    form.addEventListener("submit", function (event) {
      var button = event.submitter;
      if (!button || !window.fetch) return;
      event.preventDefault();
      var body = new URLSearchParams(new FormData(form));
      body.set("verdict", button.value);
      fetch(form.action, {
        method: "POST", body: body, credentials: "same-origin",
        headers: { "Accept": "application/json" }
      }).then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      }).then(function (data) {
        form.querySelectorAll("button[name=verdict]").forEach(function (each) {
          each.setAttribute("aria-pressed", each.value === data.verdict ? "true" : "false");
        });
      }).catch(function () {
        var verdict = document.createElement("input");
        verdict.type = "hidden";
        verdict.name = "verdict";
        verdict.value = button.value;
        form.appendChild(verdict);
        form.submit();
      });
    });
  }

  // History: deleting asks once more.
  function initConfirm(form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.getAttribute("data-confirm"))) event.preventDefault();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form.feedback-form").forEach(initFeedback);
    document.querySelectorAll("form[data-confirm]").forEach(initConfirm);
    var form = document.getElementById("upload-form");
    if (form) initUpload(form);
    var job = document.getElementById("job");
    if (job) initJob(job);
    var share = document.getElementById("share-url");
    if (share) initShare(share);
    var playlist = document.getElementById("playlist");
    if (playlist) initListening(playlist);
    var card = document.getElementById("share-card");
    if (card) initShareCard(card);
  });
})();
