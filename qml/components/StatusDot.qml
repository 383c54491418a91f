import QtQuick
import Berth

// A container's state as a coloured dot: green running, amber paused, blue restarting,
// grey otherwise.
Rectangle {
    property string stateName
    width: 10
    height: 10
    radius: 5
    color: stateName === "running" ? Theme.running
         : stateName === "paused" ? Theme.paused
         : stateName === "restarting" ? Theme.restarting
         : Theme.stopped
    Accessible.role: Accessible.Indicator
    Accessible.name: stateName
}
